# METADATA
# title: Lambda function does not have active X-Ray tracing
# description: |
#   Without active tracing there is no end-to-end trace of invocations through downstream
#   services, which makes it hard to see unusual call patterns or investigate a compromised
#   function. Advisory.
# related_resources:
#   - ref: https://docs.aws.amazon.com/lambda/latest/dg/services-xray.html
# custom:
#   id: PAL-AWS-LAMBDA-003
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_lambda_function, "module:terraform-aws-modules/lambda/aws"]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_50
#   remediation: Add tracing_config { mode = "Active" }.
#   fixable: true
package palisade.aws.lambda.tracing_disabled

import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.tf

types := {"aws_lambda_function"}

ok_values := {"Active"}

warn contains result.fail_fix(r, path, msg, [result.set(path, "Active")]) if {
	some r in input.resources
	r.type in types
	some i, b in tf.blocks(r, "tracing_config")
	bad(object.get(b, "mode", null))
	path := ["tracing_config", i, "mode"]
	msg := sprintf("%s does not have active tracing", [r.address])
}

warn contains result.fail_fix(r, ["tracing_config"], msg, [result.add_block([], "tracing_config", {"mode": "Active"})]) if {
	some r in input.resources
	r.type in types
	tf.missing_attr(r, ["tracing_config"])
	msg := sprintf("%s does not have active tracing", [r.address])
}

# Opaque terraform-aws-modules/lambda calls: the module adds tracing_config only when tracing_mode
# (default null in every major) is set, and passes it unchanged.
warn contains result.fail_fix(m, ["tracing_mode"], msg, [result.set(["tracing_mode"], "Active")]) if {
	some m in modules.lambda_functions
	bad(object.get(m.config, "tracing_mode", null))
	msg := sprintf("%s does not have active tracing", [m.address])
}

bad(null) := true

bad(v) if {
	is_string(v)
	not v in ok_values
}
