# METADATA
# title: IAM Identity Center permission set grants full administrative access
# description: |
#   The permission set's inline policy allows every action ("*") on every resource (Resource "*",
#   or NotResource: every resource but the few it lists). Everyone
#   assigned the permission set becomes an administrator of each account it is provisioned to.
#   Grant the actions the job needs, and keep full access in a separate, rarely assigned set.
#   Attaching the AWS managed AdministratorAccess policy to the set does the same.
# related_resources:
#   - ref: https://docs.aws.amazon.com/singlesignon/latest/userguide/permissionsetsconcept.html
# custom:
#   id: PAL-AWS-SSO-002
#   severity: high
#   formats: [terraform]
#   resource_types: [aws_ssoadmin_permission_set_inline_policy, aws_ssoadmin_managed_policy_attachment]
#   frameworks:
#     nist-800-53: [AC-6]
#   references:
#     kics: 132a8c31-9837-4203-9fd1-15ca210c7b73
#   cwe: ["CWE-269"]
#   remediation: Replace "*" with the specific actions and resources the permission set's users need.
#   fixable: false
#   allow_unknown: true
package palisade.aws.sso.permission_set_full_admin

import data.palisade.lib.iam
import data.palisade.lib.iam_identity
import data.palisade.lib.result
import data.palisade.lib.tf

deny contains result.with_related(result.fail(r, ["inline_policy"], msg), related) if {
	some r in input.resources
	r.type == "aws_ssoadmin_permission_set_inline_policy"
	entries := [{"path": array.concat(["inline_policy"], entry.path), "star": _on_star(entry.statement)} |
		some entry in iam.statements(r.config.inline_policy)
		iam.allows_all_actions(entry.statement)
		_on_every_resource(entry.statement)
	]
	count(entries) > 0
	msg := _message(r.address, entries)
	related := [result.related(r, array.concat(e.path, ["Action"]), _related_msg(e.star)) | some e in entries]
}

# The AWS managed AdministratorAccess ("*" on "*") attached to the set (Checkov's
# IAMDoNotUseAdministratorAccessPolicy case: only IAM attachments were reported, by IAM-007), also
# written for any partition or looked up by data "aws_iam_policy" (iam_identity.managed_arn, the
# forms IAM-007 reads; round 13). Those ARNs are unknown in the model, hence allow_unknown: the
# finding rests on the name the template or lookup spells, not on the unknown.
deny contains result.fail(r, ["managed_policy_arn"], msg) if {
	some r in tf.resources("aws_ssoadmin_managed_policy_attachment")
	arn := iam_identity.managed_arn(r, ["managed_policy_arn"], r.config.managed_policy_arn)
	startswith(arn, "arn:")
	endswith(arn, ":iam::aws:policy/AdministratorAccess")
	msg := sprintf("%s gives the permission set the AWS managed AdministratorAccess policy (all actions on all resources)", [r.address])
}

# Review s20/R3: "*" with NotResource is every resource but those listed (IAM User Guide,
# NotResource), as PAL-AWS-IAM-001 reads it in IAM policies since round 31.
_on_every_resource(s) if iam.allows_all_resources(s)

_on_every_resource(s) if iam.allows_all_but_listed_resources(s)

_on_star(s) if iam.allows_all_resources(s)

else := false

_message(address, entries) := sprintf("%s allows all actions on all resources", [address]) if {
	some e in entries
	e.star
} else := sprintf("%s allows all actions on every resource except those listed in NotResource", [address])

_related_msg(true) := "allows \"*\" on \"*\""

_related_msg(false) := "allows \"*\" on every resource but those in NotResource"
