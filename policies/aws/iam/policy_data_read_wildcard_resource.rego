# METADATA
# title: IAM policy allows reading stored data on every resource
# description: |
#   An Allow statement grants an action that returns stored data (the contents of S3 objects,
#   Secrets Manager secret values, SSM parameter values, DynamoDB items, or plaintext through
#   kms:Decrypt and kms:ReEncryptFrom) on "Resource": "*" (or
#   with NotResource, every resource but those listed). The
#   identity can then read every object, secret, parameter or table item of the account, not only
#   the ones it works with: whoever obtains its credentials (a compromised instance or function, a
#   leaked key) can copy all of it out. Service-wide wildcards ("s3:*", "*") are reported by
#   PAL-AWS-IAM-002 and PAL-AWS-IAM-001; this rule reports the named read actions and the
#   read-prefix patterns ("s3:Get*", "ssm:GetParameter*") that look harmless. KMS decryption on
#   every key is AWS Security Hub's KMS.1 and KMS.2: it reaches whatever any key protects wherever
#   the key policy lets IAM policies grant access, as the default key policy does. A KMS statement
#   conditioned on kms:ViaService, the encryption context, the key's tags or its aliases (pinned to
#   values, not negated, IfExists or Null; ForAllValues only beside a Null check) is scoped and
#   passes.
# related_resources:
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege
#   - ref: https://docs.aws.amazon.com/secretsmanager/latest/userguide/auth-and-access_examples.html
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/kms-controls.html#kms-1
#   - ref: https://docs.aws.amazon.com/kms/latest/developerguide/iam-policies-best-practices.html
#   - ref: https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html#conditions-kms-via-service
#   - ref: https://docs.aws.amazon.com/kms/latest/developerguide/alias-authorization.html
# custom:
#   id: PAL-AWS-IAM-024
#   severity: high
#   formats: [terraform]
#   resource_types: [aws_iam_policy, aws_iam_role_policy, aws_iam_user_policy, aws_iam_group_policy, aws_iam_role]
#   frameworks:
#     nist-800-53: [AC-6]
#   references:
#     checkov: [CKV_AWS_288, CKV_AWS_108]
#   cwe: ["CWE-200"]
#   remediation: Scope Resource to the ARNs of the buckets, secrets, parameters, tables or KMS keys the identity reads (Palisade offers them).
#   fixable: false
package palisade.aws.iam.policy_data_read_wildcard_resource

import data.palisade.lib.iam
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
