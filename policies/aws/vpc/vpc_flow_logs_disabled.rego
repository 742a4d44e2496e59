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
#   resource_types: [aws_vpc, aws_flow_log]
#   frameworks:
#     cis-aws-2.0: ["3.9"]
#   references:
#     checkov: CKV2_AWS_11
#     trivy: AVD-AWS-0178
#   cwe: ["CWE-778"]
#   remediation: Add an aws_flow_log with vpc_id pointing at the VPC (traffic_type ALL or REJECT).
#   fixable: false
package palisade.aws.vpc.vpc_flow_logs_disabled

import data.palisade.lib.result
import data.palisade.lib.tf

deny contains result.fail(vpc, [], msg) if {
	not tf.unresolved("aws_flow_log", ["vpc_id"], "aws_vpc")
	some vpc in tf.resources("aws_vpc")
	count(tf.referencing(vpc.address, "aws_flow_log", ["vpc_id"])) == 0
	msg := sprintf("%s has no flow log", [vpc.address])
}
