# METADATA
# title: IAM policy grants full administrative access
# description: |
#   A statement allows every action ("*") on every resource ("*", or NotResource: every resource
#   but the few it lists, which AWS calls very dangerous). Whoever holds the policy can
#   do anything in the account: read all data, create users and keys, disable logging, delete
#   everything. Grant only the actions and resources the identity needs.
# related_resources:
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege
# custom:
#   id: PAL-AWS-IAM-001
#   severity: high
#   formats: [terraform]
#   resource_types: [aws_iam_policy, aws_iam_role_policy, aws_iam_user_policy, aws_iam_group_policy, aws_iam_role, "module:terraform-aws-modules/iam/aws//modules/iam-policy"]
#   frameworks:
#     cis-aws-2.0: ["1.16"]
#   references:
#     checkov: [CKV_AWS_62, CKV_AWS_1, CKV_AWS_49, CKV_AWS_63, CKV2_AWS_40]
#     trivy: AVD-AWS-0057
#     kics:
#       - 575a2155-6af1-4026-b1af-d5bc8fe2a904
#       - 2f37c4a3-58b9-4afe-8a87-d7f1d2286f84
#   cwe: ["CWE-269"]
#   remediation: Replace "*" actions with the specific actions the identity uses, scoped to specific resource ARNs.
#   fixable: false
package palisade.aws.iam.policy_full_admin

import data.palisade.lib.iam
import data.palisade.lib.result

# One finding per document, on the attribute that holds it; each offending statement is a
# related location. Round 31: "*" with NotResource counts (every resource but those listed).
# Session 21: not when the document denies "*" on every resource but named ones (those are then
# all it reaches: PAL-AWS-IAM-003's every action on named resources).
deny contains result.with_related(result.fail(p.resource, p.path, msg), related) if {
	some p in iam.identity_policies
	entries := [{"path": array.concat(p.path, entry.path), "star": _on_star(entry.statement)} |
		some entry in iam.statements(p.doc)
		iam.allows_all_actions(entry.statement)
		_on_every_resource(entry.statement)
		not iam.scoped_by_deny({"resource": p.resource, "path": array.concat(p.path, entry.path)}, "*")
		not iam.expired(entry.statement) # round 22: a date condition already past allows nothing
	]
	count(entries) > 0
	msg := _message(p.resource.address, entries)
	related := [result.related(p.resource, array.concat(e.path, ["Action"]), _related_msg(e.star)) | some e in entries]
}

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
