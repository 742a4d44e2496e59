# METADATA
# title: IAM policy allows every action of a service
# description: |
#   A statement allows "service:*" (for example "s3:*" or "iam:*"), which includes the
#   service's destructive and permission-changing actions and every action AWS adds later.
#   Wildcards over a whole service are rarely what a workload needs. IAM Identity Center
#   permission set inline policies count: each becomes an inline policy of a role in every account
#   the set is provisioned to. A wildcard the same document denies on every resource without a
#   condition grants nothing and is not reported.
# related_resources:
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege
# custom:
#   id: PAL-AWS-IAM-002
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_iam_policy, aws_iam_role_policy, aws_iam_user_policy, aws_iam_group_policy, aws_iam_role, aws_ssoadmin_permission_set_inline_policy]
#   frameworks: {}
#   references:
#     trivy: [AVD-AWS-0057, AVD-AWS-0345]
#   cwe: ["CWE-269"]
#   remediation: List the specific actions needed (IAM Access Analyzer can generate them from CloudTrail activity).
#   fixable: false
package palisade.aws.iam.policy_service_wildcard

import data.palisade.lib.iam
import data.palisade.lib.result

deny contains result.fail(st.resource, array.concat(st.path, ["Action"]), msg) if {
	some st in iam.identity_statements
	wildcards := {w | some w in iam.service_wildcards(st.statement); not iam.cancelled(st, w)}
	count(wildcards) > 0
	msg := sprintf("%s allows every action of a service: %s", [st.resource.address, concat(", ", sort(wildcards))])
}

# A permission set's inline policy (Checkov's IAMPolicyNotAllowFullIAMAccess case gave one
# "iam:*"): not an aws_iam_* resource, so not among iam.identity_statements.
deny contains result.fail(r, array.concat(path, ["Action"]), msg) if {
	some r in input.resources
	r.type == "aws_ssoadmin_permission_set_inline_policy"
	some entry in iam.statements(r.config.inline_policy)
	wildcards := iam.service_wildcards(entry.statement)
	count(wildcards) > 0
	path := array.concat(["inline_policy"], entry.path)
	msg := sprintf("%s allows every action of a service: %s", [r.address, concat(", ", sort(wildcards))])
}
