# METADATA
# title: Application load balancer does not drop invalid HTTP headers
# description: |
#   Unless drop_invalid_header_fields is true, the load balancer forwards header fields with
#   invalid names to targets, which enables HTTP request smuggling and header injection against
#   back ends that parse them differently. Network and gateway load balancers are not checked.
# related_resources:
#   - ref: https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html#load-balancer-attributes
# custom:
#   id: PAL-AWS-LB-002
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_lb, aws_alb, "module:terraform-aws-modules/alb/aws"]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_131
#     trivy: AVD-AWS-0052
#     kics: 6e3fd2ed-5c83-4c68-9679-7700d224d379
#   cwe: ["CWE-444"]
#   remediation: Set drop_invalid_header_fields = true.
#   fixable: true
package palisade.aws.lb.drop_invalid_headers_disabled

import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.unknown

types := {"aws_lb", "aws_alb"}

deny contains result.fail_fix(r, ["drop_invalid_header_fields"], msg, [result.set(["drop_invalid_header_fields"], true)]) if {
	some r in input.resources
	r.type in types
	object.get(r.config, "load_balancer_type", "application") == "application"
	bad(object.get(r.config, "drop_invalid_header_fields", null))
	msg := sprintf("%s does not drop invalid HTTP header fields", [r.address])
}

# The registry module terraform-aws-modules/alb/aws: its default is true from 9.0 and false
# before, so unset is reported only when the call pins an older major version.
deny contains result.fail_fix(m, ["drop_invalid_header_fields"], msg, [result.set(["drop_invalid_header_fields"], true)]) if {
	some m in modules.application_load_balancers
	object.get(m.config, "load_balancer_type", "application") == "application"
	module_off(m, object.get(m.config, "drop_invalid_header_fields", null))
	msg := sprintf("%s does not drop invalid HTTP header fields", [m.address])
}

bad(null) := true

bad(v) if unknown.is_false(v)

module_off(_, v) if unknown.is_false(v)

module_off(m, null) if modules.pinned_below(m, 9)
