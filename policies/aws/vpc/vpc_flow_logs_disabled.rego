# METADATA
# title: VPC flow logs are not enabled
# description: |
#   Flow logs record the IP traffic going in and out of the VPC's network interfaces. Without
#   them there is no record of which hosts talked to what, which is needed to detect and
#   investigate scanning, lateral movement and exfiltration.
# related_resources:
#   - ref: https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs.html
# custom:
#   id: PAL-AWS-VPC-009
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_vpc, aws_flow_log, "module:terraform-aws-modules/vpc/aws"]
#   frameworks:
#     cis-aws-2.0: ["3.9"]
#   references:
#     checkov: CKV2_AWS_11
#     trivy: AVD-AWS-0178
#   cwe: ["CWE-778"]
#   remediation: Add an aws_flow_log with vpc_id pointing at the VPC (traffic_type ALL or REJECT).
#   fixable: false
package palisade.aws.vpc.vpc_flow_logs_disabled

import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

deny contains result.fail(vpc, [], msg) if {
	not tf.unresolved("aws_flow_log", ["vpc_id"], "aws_vpc")
	some vpc in tf.resources("aws_vpc")
	count(tf.referencing(vpc.address, "aws_flow_log", ["vpc_id"])) == 0
	msg := sprintf("%s has no flow log", [vpc.address])
}

# Opaque terraform-aws-modules/vpc calls create a flow log only with enable_flow_log = true (default
# false in every major). A flow log of this unit may name the call's VPC instead: an aws_flow_log
# (references) or a call of the module's flow-log submodule (its vpc_id's expression text); a
# submodule call whose VPC cannot be told silences the rule, as an unresolved aws_flow_log does.
deny contains result.fail(m, ["enable_flow_log"], msg) if {
	not tf.unresolved("aws_flow_log", ["vpc_id"], "aws_vpc")
	not flow_log_call_unresolved
	some m in modules.vpcs
	unknown.not_true(object.get(m.config, "enable_flow_log", null))
	count(tf.referencing(m.address, "aws_flow_log", ["vpc_id"])) == 0
	not logged_by_call(m)
	msg := sprintf("%s has no flow log", [m.address])
}

flow_log_calls := [c |
	some c in object.get(input, "modules", [])
	is_string(c.source)
	contains(c.source, "vpc")
	modules.submodule(c.source) == "flow-log"
]

logged_by_call(m) if {
	some c in flow_log_calls
	startswith(c.config.vpc_id["$unknown"], concat("", [m.address, "."]))
}

flow_log_call_unresolved if {
	some c in flow_log_calls
	not startswith(object.get(c.config.vpc_id, "$unknown", ""), "module.")
}
