# METADATA
# title: IAM policy allows every action of a service
# description: |
#   A statement allows "service:*" (for example "s3:*" or "iam:*"), which includes the
#   service's destructive and permission-changing actions and every action AWS adds later.
#   Wildcards over a whole service are rarely what a workload needs. "*" on the resources a
#   statement names (say "arn:aws:s3:::*") is as broad for their services, and is reported too; on
#   every resource (Resource "*" or NotResource) it is full administrative access (PAL-AWS-IAM-001). IAM Identity Center
#   permission set inline policies count: each becomes an inline policy of a role in every account
#   the set is provisioned to. A wildcard the same document denies on every resource without a
#   condition grants nothing and is not reported. An AWS managed policy named …FullAccess
#   (AmazonS3FullAccess, AWSLambda_FullAccess, AmazonSSMFullAccess…) allows every action of its
#   service on every resource too: attaching one is reported at the attachment, since its document
#   is not in the configuration. So are two whose names say less: SecretsManagerReadWrite
#   (secretsmanager:* on every secret) and AWSLambdaExecute (logs:* on every log group). An
#   IAM Identity Center permission set's managed policy attachment counts as well: the policy is
#   attached to the role the set becomes in every account it is provisioned to.
# related_resources:
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_managed-vs-inline.html#aws-managed-policies
#   - ref: https://docs.aws.amazon.com/aws-managed-policy/latest/reference/SecretsManagerReadWrite.html
#   - ref: https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSLambdaExecute.html
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege
#   - ref: https://docs.aws.amazon.com/singlesignon/latest/userguide/permissionsetsconcept.html
# custom:
#   id: PAL-AWS-IAM-002
#   severity: medium
#   formats: [terraform]
#   resource_types:
#     - aws_iam_policy
#     - "module:terraform-aws-modules/iam/aws//modules/iam-policy"
#     - aws_iam_role_policy
#     - aws_iam_user_policy
#     - aws_iam_group_policy
#     - aws_iam_role
#     - aws_ssoadmin_permission_set_inline_policy
#     - aws_ssoadmin_managed_policy_attachment
#     - aws_iam_role_policy_attachment
#     - aws_iam_user_policy_attachment
#     - aws_iam_group_policy_attachment
#     - aws_iam_policy_attachment
#     - aws_iam_role_policy_attachments_exclusive
#     - aws_iam_user_policy_attachments_exclusive
#     - aws_iam_group_policy_attachments_exclusive
#   frameworks: {}
#   references:
#     checkov: [CKV_AWS_49, CKV_AWS_63, CKV2_AWS_40, CKV2_AWS_56]
#     trivy: [AVD-AWS-0057, AVD-AWS-0345]
#   cwe: ["CWE-269"]
#   remediation: List the specific actions needed (IAM Access Analyzer can generate them from CloudTrail activity).
#   fixable: false
#   allow_unknown: true
package palisade.aws.iam.policy_service_wildcard

# allow_unknown: a managed policy looked up with `data "aws_iam_policy"` is attached by its unknown
# arn, and that attribute is the finding's place.

import data.palisade.lib.iam
import data.palisade.lib.iam_identity
import data.palisade.lib.result
import data.palisade.lib.tf

deny contains result.fail(st.resource, array.concat(st.path, ["Action"]), msg) if {
	some st in iam.identity_statements
	not iam.expired(st.statement) # round 22: a date condition already past allows nothing (as IAM-050)
	wildcards := {w | some w in iam.service_wildcards(st.statement); not iam.cancelled(st, w)}
	count(wildcards) > 0
	msg := sprintf("%s allows every action of a service: %s", [st.resource.address, concat(", ", sort(wildcards))])
}

# "*" (or "*:*") on named resources: every action of the services they belong to. With Resource
# "*" (or, round 31, NotResource: every resource but those listed) the statement is
# PAL-AWS-IAM-001's full administrative access, reported there instead.
deny contains result.fail(st.resource, array.concat(st.path, ["Action"]), msg) if {
	some st in iam.identity_statements
	iam.allows_all_actions(st.statement)
	_on_named_resources(st)
	not iam.expired(st.statement)
	some a in iam.actions(st.statement)
	iam.is_wildcard(a)
	not iam.cancelled(st, a)
	msg := sprintf("%s allows every action (%q) on the resources it names", [st.resource.address, a])
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

# An AWS managed full-access policy attached: reported where it is attached. Of the peers' checks
# only Checkov's CKV2_AWS_56 reads an attachment, and only for IAMFullAccess; the rule's other ids
# (CKV_AWS_49/63, CKV2_AWS_40, AVD-AWS-0057/0345) read policy documents (review of session 23, R4).
deny contains result.with_peers(result.fail(r, path, msg), _attachment_peers(name)) if {
	some [r, path, value] in _managed_attachments
	name := full_access_name(iam_identity.managed_arn(r, path, value))
	msg := sprintf("%s attaches the AWS managed %s policy, which allows every action of its service", [r.address, name])
}

# AWS managed policies not named …FullAccess whose documents allow a whole service all the same
# (AWS Managed Policy Reference, each policy's JSON document): reported where they are attached.
deny contains result.with_peers(result.fail(r, path, msg), _attachment_peers(name)) if {
	some [r, path, value] in _managed_attachments
	name := iam_identity.aws_managed_name(iam_identity.managed_arn(r, path, value))
	grants := _named_service_wildcards[name]
	msg := sprintf("%s attaches the AWS managed %s policy, which allows %s", [r.address, name, grants])
}

_attachment_peers("IAMFullAccess") := {"checkov": ["CKV2_AWS_56"]}

_attachment_peers(name) := {"checkov": []} if name != "IAMFullAccess"

# The IAM attachments, plus a permission set's AWS managed policy (round 42: Checkov's
# CKV2_AWS_56 fails IAMFullAccess attached this way, and neither this rule nor PAL-AWS-SSO-002,
# which reports AdministratorAccess, said so).
_managed_attachments contains a if some a in iam_identity.managed_attachments

_managed_attachments contains [r, ["managed_policy_arn"], r.config.managed_policy_arn] if {
	some r in tf.resources("aws_ssoadmin_managed_policy_attachment")
}

_named_service_wildcards := {
	# {"Action": "secretsmanager:*", "Resource": "*"}: every secret's value, rotation and deletion.
	"SecretsManagerReadWrite": "every Secrets Manager action (secretsmanager:*) on every secret",
	# {"Action": ["logs:*"], "Resource": "arn:aws:logs:*:*:*"}: a function's role may delete log
	# groups and their retention, its own trail included (its s3 statement is PAL-AWS-IAM-024's).
	"AWSLambdaExecute": "every CloudWatch Logs action (logs:*) on every log group",
}

# The name of an AWS managed full-access policy (any path, any partition): AWS names the policy
# that allows a service's every action …FullAccess (AmazonS3FullAccess, AmazonECS_FullAccess,
# CloudWatchFullAccessV2). CloudGoat's cloud_breach_s3 gives the SSRF-exposed proxy's role
# AmazonS3FullAccess through a data "aws_iam_policy" lookup.
full_access_name(arn) := parts[0][1] if {
	parts := regex.find_all_string_submatch_n(`^arn:[a-z-]+:iam::aws:policy/(?:[A-Za-z0-9+=,.@_-]+/)*([A-Za-z0-9+=,.@_-]*FullAccess(?:V[0-9]+)?)$`, arn, 1)
	count(parts) == 1
}

_on_named_resources(st) if {
	not iam.allows_all_resources(st.statement)
	not iam.allows_all_but_listed_resources(st.statement)
}

# "*" on "*" that the document's unconditional Deny limits to the resources a NotResource names.
_on_named_resources(st) if {
	iam.allows_all_resources(st.statement)
	iam.scoped_by_deny(st, "*")
}
