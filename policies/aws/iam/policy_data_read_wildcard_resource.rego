# METADATA
# title: IAM policy allows reading stored data on every resource
# description: |
#   An Allow statement grants an action that returns stored data (the contents of S3 objects,
#   Secrets Manager secret values, SSM parameter values, DynamoDB items, or plaintext through
#   kms:Decrypt and kms:ReEncryptFrom) on "Resource": "*", on an ARN whose resource part is a bare
#   wildcard over the whole resource type ("arn:aws:secretsmanager:*:*:secret:*",
#   "arn:aws:s3:::*/*", "arn:aws:ssm:eu-west-2:111122223333:parameter/*"), or with NotResource
#   (every resource but those listed). An ARN that names a prefix ("secret:app/*") passes. The
#   identity can then read every object, secret, parameter or table item of the account, not only
#   the ones it works with: whoever obtains its credentials (a compromised instance or function, a
#   leaked key) can copy all of it out. Service-wide wildcards ("s3:*", "*") are reported by
#   PAL-AWS-IAM-002 and PAL-AWS-IAM-001; this rule reports the named read actions and the
#   read-prefix patterns ("s3:Get*", "ssm:GetParameter*") that look harmless. KMS decryption on
#   every key is AWS Security Hub's KMS.1 and KMS.2: it reaches whatever any key protects wherever
#   the key policy lets IAM policies grant access, as the default key policy does. A KMS statement
#   conditioned on kms:ViaService, the encryption context, the key's tags or its aliases (pinned to
#   values, not negated, IfExists or Null; ForAllValues only beside a Null check) is scoped and
#   passes. Four AWS managed policies grant such reads on every resource and are reported where
#   they are attached: AWSLambdaExecute (s3:GetObject and s3:PutObject on every bucket),
#   AmazonS3ReadOnlyAccess, AmazonSSMReadOnlyAccess and AmazonDynamoDBReadOnlyAccess (also at the
#   input of an opaque terraform-aws-modules/iam role or group submodule given their ARN).
# related_resources:
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege
#   - ref: https://docs.aws.amazon.com/secretsmanager/latest/userguide/auth-and-access_examples.html
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/kms-controls.html#kms-1
#   - ref: https://docs.aws.amazon.com/kms/latest/developerguide/iam-policies-best-practices.html
#   - ref: https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html#conditions-kms-via-service
#   - ref: https://docs.aws.amazon.com/kms/latest/developerguide/alias-authorization.html
#   - ref: https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSLambdaExecute.html
#   - ref: https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AmazonS3ReadOnlyAccess.html
# custom:
#   id: PAL-AWS-IAM-024
#   severity: high
#   formats: [terraform]
#   resource_types:
#     - aws_iam_policy
#     - "module:terraform-aws-modules/iam/aws//modules/iam-policy"
#     - aws_iam_role_policy
#     - aws_iam_user_policy
#     - aws_iam_group_policy
#     - aws_iam_role
#     - aws_iam_role_policy_attachment
#     - aws_iam_user_policy_attachment
#     - aws_iam_group_policy_attachment
#     - aws_iam_policy_attachment
#     - aws_iam_role_policy_attachments_exclusive
#     - aws_iam_user_policy_attachments_exclusive
#     - aws_iam_group_policy_attachments_exclusive
#     - "module:terraform-aws-modules/iam/aws//modules/iam-github-oidc-role"
#     - "module:terraform-aws-modules/iam/aws//modules/iam-role"
#     - "module:terraform-aws-modules/iam/aws//modules/iam-role-for-service-accounts-eks"
#     - "module:terraform-aws-modules/iam/aws//modules/iam-eks-role"
#     - "module:terraform-aws-modules/iam/aws//modules/iam-assumable-role"
#     - "module:terraform-aws-modules/iam/aws//modules/iam-assumable-role-with-oidc"
#     - "module:terraform-aws-modules/iam/aws//modules/iam-assumable-role-with-saml"
#     - "module:terraform-aws-modules/iam/aws//modules/iam-group-with-policies"
#     - "module:terraform-aws-modules/iam/aws//modules/iam-group"
#     - "module:terraform-aws-modules/iam/aws//modules/iam-role-for-service-accounts"
#   frameworks:
#     nist-800-53: [AC-6]
#   references:
#     checkov: [CKV_AWS_288, CKV_AWS_108]
#   cwe: ["CWE-200"]
#   remediation: Scope Resource to the ARNs of the buckets, secrets, parameters, tables or KMS keys the identity reads (Palisade offers them).
#   fixable: false
#   allow_unknown: true
package palisade.aws.iam.policy_data_read_wildcard_resource

# allow_unknown: a managed policy looked up with `data "aws_iam_policy"` is attached by its unknown
# arn, and that attribute is the finding's place (as PAL-AWS-IAM-002).

import data.palisade.aws.iam.admin_policy_attached as admin
import data.palisade.lib.iam
import data.palisade.lib.iam_identity
import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.unknown

deny contains result.fail(st.resource, array.concat(st.path, resource_path), msg) if {
	some st in iam.identity_statements
	s := st.statement
	iam.is_allow(s)
	not iam.expired(s) # round 22: a date condition already past allows nothing
	some resource_path in iam.star_resource_paths(s)
	reads := sort({a | some a in iam.actions(s); is_string(a); _data_read(a); not _kms_scoped(a, s)})
	count(reads) > 0
	msg := sprintf("%s allows %s on every resource (\"*\"): %s", [st.resource.address, concat(", ", reads), _exposed(reads, "")])
}

# Session 23 (held-out corpora 20–22): an ARN pattern whose resource part is a bare wildcard over
# the action's resource type (`arn:aws:secretsmanager:*:*:secret:*`, `arn:aws:s3:::*/*`) grants what
# "*" grants for that action. A statement that also lists "*" is reported there, once.
deny contains result.fail(st.resource, array.concat(st.path, e.path), msg) if {
	some st in iam.identity_statements
	s := st.statement
	iam.is_allow(s)
	not "*" in iam.resources(s)
	some e in iam.wildcard_arns(s)
	not iam.expired(s)
	reads := sort({a |
		some a in iam.actions(s)
		is_string(a)
		_data_read(a)
		iam.covers_every_of_type(e, _service(a))
		not _kms_scoped(a, s)
	})
	count(reads) > 0
	text := "%s allows %s on %s, which matches every resource of the type: %s"
	msg := sprintf(text, [st.resource.address, concat(", ", reads), e.arn, _exposed(reads, "")])
}

# Round 31: NotResource in an Allow is every resource but those listed (IAM User Guide, NotResource).
deny contains result.fail(st.resource, array.concat(st.path, ["NotResource"]), msg) if {
	some st in iam.identity_statements
	iam.allows_all_but_listed_resources(st.statement)
	not iam.expired(st.statement)
	reads := sort({a | some a in iam.actions(st.statement); is_string(a); _data_read(a); not _kms_scoped(a, st.statement)})
	count(reads) > 0
	text := "%s allows %s on every resource except those listed in NotResource: %s"
	msg := sprintf(text, [st.resource.address, concat(", ", reads), _exposed(reads, " but those")])
}

# AWS managed policies whose documents grant those reads on every resource (AWS Managed Policy
# Reference, each policy's JSON document): the document is not in the configuration, so the
# attachment is reported. A short list, written by hand: policies named for one service (or for
# running a function) that a workload role is commonly given. Not listed: ReadOnlyAccess (the job
# function for people whose work is to read everything) and AmazonSSMManagedInstanceCore (the
# Systems Manager agent's documented minimum, whose ssm:GetParameter on "*" serves State Manager).
deny contains result.fail(r, path, msg) if {
	some [r, path, value] in iam_identity.managed_attachments
	name := iam_identity.aws_managed_name(iam_identity.managed_arn(r, path, value))
	m := _managed_reads[name]
	msg := sprintf("%s attaches the AWS managed %s policy, which allows %s: every %s of the account can be %s", [r.address, name, m.grants, m.noun, m.done])
}

# Opaque terraform-aws-modules/iam role and group submodules attach every ARN their inputs list to
# the role or group they create (IAM-007 and IAM-008 read the same inputs).
deny contains result.fail(m, [input_name, key], msg) if {
	some sub, spec in admin.iam_module_inputs
	some m in modules.submodule_calls("iam", sub)
	admin.creates_identity(m, spec)
	some input_name in spec.inputs
	some key, arn in object.get(m.config, input_name, {})
	name := iam_identity.aws_managed_name(arn)
	r := _managed_reads[name]
	text := "%s attaches the AWS managed %s policy to the %s it creates, which allows %s: every %s of the account can be %s"
	msg := sprintf(text, [m.address, name, spec.kind, r.grants, r.noun, r.done])
}

_managed_reads := {
	# {"Action": ["s3:GetObject", "s3:PutObject"], "Resource": "arn:aws:s3:::*"} (v1, 2015).
	"AWSLambdaExecute": {"grants": "s3:GetObject and s3:PutObject on every bucket", "noun": "object", "done": "read and overwritten"},
	# {"Action": ["s3:Get*", "s3:List*", …], "Resource": "*"}.
	"AmazonS3ReadOnlyAccess": {"grants": "s3:Get* on every resource", "noun": "object", "done": "read"},
	# {"Action": ["ssm:Describe*", "ssm:Get*", "ssm:List*"], "Resource": "*"}.
	"AmazonSSMReadOnlyAccess": {"grants": "ssm:Get* on every resource", "noun": "parameter", "done": "read"},
	# GeneralReadOnlyAccess: dynamodb:GetItem, BatchGetItem, Query, Scan, PartiQLSelect on "*".
	"AmazonDynamoDBReadOnlyAccess": {"grants": "dynamodb:GetItem, Query and Scan on every table", "noun": "table item", "done": "read"},
}

# Actions that return the data a service stores, per service (lower-case), each with resource-level
# permissions in the AWS service authorization data: an action that supports only "*" (such as
# secretsmanager:BatchGetSecretValue, which needs GetSecretValue on each secret) cannot be scoped.
_data_reads := {
	"s3": {"getobject", "getobjectversion"},
	"secretsmanager": {"getsecretvalue"},
	"ssm": {"getparameter", "getparameters", "getparametersbypath", "getparameterhistory"},
	"dynamodb": {"getitem", "batchgetitem", "query", "scan", "partiqlselect"},
	# Round 33: decryption returns the plaintext of whatever the key protects; kms:Encrypt,
	# GenerateDataKey and ReEncryptTo do not reveal existing data.
	"kms": {"decrypt", "reencryptfrom"},
}

_nouns := {"s3": "object", "secretsmanager": "secret", "ssm": "parameter", "dynamodb": "table item", "kms": "KMS key"}

_data_read(action) if {
	[service, name] := split(lower(action), ":")
	name in _data_reads[service]
}

# A pattern that matches one of them without naming the whole service ("s3:Get*",
# "secretsmanager:GetSecret*"); "s3:*" is PAL-AWS-IAM-002's.
_data_read(action) if {
	[service, pattern] := split(lower(action), ":")
	pattern != "*"
	contains(pattern, "*")
	some name in _data_reads[service]
	glob.match(pattern, [], name)
}

_what(reads) := concat(", ", sort({_nouns[split(lower(a), ":")[0]] | some a in reads}))

# What the reads expose: stored data "can be read"; KMS keys "can be used to decrypt".
_exposed(reads, but) := sprintf("every %s of the account%s can be read", [_what(reads), but]) if {
	every a in reads { not _kms(a) }
}

_exposed(reads, but) := sprintf("every KMS key of the account%s can be used to decrypt", [but]) if {
	every a in reads { _kms(a) }
}

_exposed(reads, but) := sprintf("every %s of the account%s can be read, and every KMS key used to decrypt", [_what(stored), but]) if {
	stored := {a | some a in reads; not _kms(a)}
	count(stored) > 0
	count(stored) < count(reads)
}

_kms(action) if startswith(lower(action), "kms:")

_service(action) := split(lower(action), ":")[0]

# A KMS action whose statement tests kms:ViaService, the encryption context or the key's tags:
# the AWS KMS Developer Guide's ways to scope key use when the keys cannot be listed.
_kms_scoped(action, s) if {
	_kms(action)
	some c in iam.conditions(s)
	_kms_scoping_key(c.key)
	_pins_values(c.operator)
	_present_when_all_values(c, s)
}

# Review of round 33: only an operator that pins the key to values scopes. A negated one allows
# every service or context but those listed, IfExists passes calls that lack the key (a direct
# kms:Decrypt carries no kms:ViaService), and Null only asks that some value be present.
_pins_values(op) if {
	not contains(op, "not")
	not endswith(op, "ifexists")
	op != "null"
}

# ForAllValues holds for a request with no value for the key (a decrypt without encryption
# context), so it scopes only beside a Null check that the key is present, as the KMS guide pairs
# them; other operators fail when the key is absent.
_present_when_all_values(c, _) if not startswith(c.operator, "forallvalues:")

_present_when_all_values(c, s) if {
	startswith(c.operator, "forallvalues:")
	some n in iam.conditions(s)
	n.operator == "null"
	n.key == c.key
	some v in n.values
	unknown.is_false(v)
}

_kms_scoping_key(k) if startswith(k, "kms:viaservice")

_kms_scoping_key(k) if startswith(k, "kms:encryptioncontext")

_kms_scoping_key(k) if startswith(k, "aws:resourcetag/")

# Review of round 33: aliases, the other attribute-based control the KMS guide documents.
_kms_scoping_key(k) if k in {"kms:resourcealiases", "kms:requestalias"}
