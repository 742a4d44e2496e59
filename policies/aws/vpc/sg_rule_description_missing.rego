# METADATA
# title: Security group rule has no description
# description: |
#   Rules without a description leave reviewers guessing why a port is open and who depends on
#   it, so stale or over-broad rules survive audits. Describe each rule's purpose.
# related_resources:
#   - ref: https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html
# custom:
#   id: PAL-AWS-VPC-006
#   severity: low
#   formats: [terraform]
#   resource_types:
#     - aws_security_group
#     - aws_default_security_group
#     - aws_security_group_rule
#     - aws_vpc_security_group_ingress_rule
#     - aws_vpc_security_group_egress_rule
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_23
#     trivy: AVD-AWS-0124
#     kics: 68eb4bf3-f9bf-463d-b5cf-e029bb446d2e
#   remediation: Add a description stating what the rule allows and why.
#   fixable: false
package palisade.aws.vpc.sg_rule_description_missing

import data.palisade.lib.result
import data.palisade.lib.sg

deny contains result.fail(entry.resource, array.concat(entry.path, ["description"]), msg) if {
	some entry in sg.rules
	entry.description in {null, ""}
	msg := sprintf("%s has an %s rule without a description", [entry.resource.address, entry.direction])
}
