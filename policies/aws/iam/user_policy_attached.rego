# METADATA
# title: IAM policy attached directly to a user
# description: |
#   Permissions granted to individual users (inline or attached policies) drift apart and are
#   forgotten when people change roles. Granting permissions through groups or roles keeps them
#   consistent, reviewable and easy to revoke.
# related_resources:
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#use-groups-for-permissions
# custom:
#   id: PAL-AWS-IAM-004
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_iam_user_policy, aws_iam_user_policy_attachment, aws_iam_policy_attachment, aws_iam_user_policy_attachments_exclusive]
#   frameworks:
#     cis-aws-2.0: ["1.15"]
#   references:
#     checkov: CKV_AWS_40
#     trivy: AVD-AWS-0143
#     kics: b4378389-a9aa-44ee-91e7-ef183f11079e
#   remediation: Attach the policy to a group the user belongs to (or to a role the user assumes).
#   fixable: false
#   allow_unknown: true
package palisade.aws.iam.user_policy_attached

import data.palisade.lib.result
import data.palisade.lib.unknown

deny contains result.fail(r, ["user"], msg) if {
	some r in input.resources
	r.type in {"aws_iam_user_policy", "aws_iam_user_policy_attachment"}
	msg := sprintf("%s grants permissions directly to a user", [r.address])
}

deny contains result.fail(r, ["users"], msg) if {
	some r in input.resources
	r.type == "aws_iam_policy_attachment"
	some user in unknown.items(object.get(r.config, "users", null))
	user != ""
	msg := sprintf("%s attaches a policy directly to users", [r.address])
}

# Provider v5.7x's exclusive attachment: a non-empty policy_arns attaches those policies to the
# user (an empty list only detaches every managed policy).
deny contains result.fail(r, ["policy_arns"], msg) if {
	some r in input.resources
	r.type == "aws_iam_user_policy_attachments_exclusive"
	count(unknown.items(object.get(r.config, "policy_arns", null))) > 0
	msg := sprintf("%s attaches managed policies directly to a user", [r.address])
}
