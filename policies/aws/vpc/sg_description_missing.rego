# METADATA
# title: Security group has no description
# description: |
#   Without a description the group shows Terraform's placeholder "Managed by Terraform", so
#   reviewers and incident responders cannot tell what traffic the group is for or whether a rule is
#   still needed. The description cannot be changed later without replacing the group. Opaque
#   terraform-aws-modules/security-group calls that create their group are checked too: left
#   unset (or null) the module writes its own placeholder, "Security Group managed by Terraform".
# related_resources:
#   - ref: https://docs.aws.amazon.com/vpc/latest/userguide/security-groups.html
# custom:
#   id: PAL-AWS-VPC-011
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_security_group, "module:terraform-aws-modules/security-group/aws"]
#   references:
#     checkov: CKV_AWS_23
#     trivy: AVD-AWS-0099
#     kics: cb3f5ed6-0d18-40de-a93d-b3538db31e8c
#   remediation: Set description to what the group allows and why.
#   fixable: false
package palisade.aws.vpc.sg_description_missing

import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.tf

deny contains result.fail(r, ["description"], msg) if {
	some r in tf.resources("aws_security_group")
	tf.missing_attr(r, ["description"])
	msg := sprintf("%s has no description", [r.address])
}

# Writing the provider's default out ("Managed by Terraform") leaves the group exactly as if the
# description were omitted: the same placeholder that says nothing about the traffic.
deny contains result.fail(r, ["description"], msg) if {
	some r in tf.resources("aws_security_group")
	r.config.description == "Managed by Terraform"
	msg := sprintf("%s has only Terraform's default description, \"Managed by Terraform\"", [r.address])
}

# The module's description input defaults to a placeholder, which says no more than the
# provider's. Calls that create no group (create or create_sg false: create_sg = false attaches
# the rules to an existing security_group_id) are not judged; an unknown switch may create none.
deny contains result.fail(m, ["description"], msg) if {
	some m in modules.calls_creating("security-group", ["create", "create_sg", "putin_khuylo"])
	object.get(m.config, "description", null) in {null, ""}
	msg := sprintf("%s creates a security group without a description (only the module's placeholder)", [m.address])
}
