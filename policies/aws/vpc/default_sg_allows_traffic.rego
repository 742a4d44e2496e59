# METADATA
# title: Default security group allows traffic
# description: |
#   Every VPC has a default security group that resources join when no group is named. If it
#   has any ingress or egress rule, resources launched carelessly get network access nobody
#   planned. Manage it with aws_default_security_group and leave it without rules.
# related_resources:
#   - ref: https://docs.aws.amazon.com/vpc/latest/userguide/default-security-group.html
# custom:
#   id: PAL-AWS-VPC-007
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_default_security_group]
#   frameworks:
#     cis-aws-2.0: ["5.4"]
#   references:
#     checkov: CKV2_AWS_12
#     kics: 9a4ef195-74b9-4c58-b8ed-2b2fe4353a75
#   cwe: ["CWE-1188"]
#   remediation: Remove every ingress and egress rule from the default security group; use dedicated groups instead.
#   fixable: true
package palisade.aws.vpc.default_sg_allows_traffic

import data.palisade.lib.result
import data.palisade.lib.tf

deny contains result.fail_fix(r, [direction], msg, [result.remove([direction])]) if {
	some r in tf.resources("aws_default_security_group")
	some direction in ["ingress", "egress"]
	count(tf.blocks(r, direction)) > 0
	msg := sprintf("the default security group %s has an %s rule", [r.address, direction])
}
