# METADATA
# title: Secrets Manager secret is not rotated automatically
# description: |
#   The secret has no aws_secretsmanager_secret_rotation in this configuration, so the same
#   credential stays valid until someone changes it by hand; a leaked copy keeps working
#   indefinitely. Advisory: some secrets (third-party API keys) cannot be rotated by a Lambda.
# related_resources:
#   - ref: https://docs.aws.amazon.com/secretsmanager/latest/userguide/rotating-secrets.html
# custom:
#   id: PAL-AWS-SECRETSMANAGER-002
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_secretsmanager_secret, aws_secretsmanager_secret_rotation, "module:terraform-aws-modules/secrets-manager/aws"]
#   frameworks: {}
#   references:
#     checkov: CKV2_AWS_57
#   cwe: ["CWE-324"]
#   remediation: Add an aws_secretsmanager_secret_rotation with a rotation Lambda and rotation_rules.
#   fixable: false
package palisade.aws.secretsmanager.secret_rotation_disabled

import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

rotation_type := "aws_secretsmanager_secret_rotation"

warn contains result.fail(secret, [], msg) if {
	not tf.unresolved(rotation_type, ["secret_id"], "aws_secretsmanager_secret")
	some secret in tf.resources("aws_secretsmanager_secret")
	count(tf.referencing(secret.address, rotation_type, ["secret_id"])) == 0
	not rotated_by_name(secret)

	# Provider v3 configured rotation on the secret itself (rotation_lambda_arn with
	# rotation_rules, deprecated in v4 for aws_secretsmanager_secret_rotation).
	tf.missing_attr(secret, ["rotation_lambda_arn"])
	msg := sprintf("%s is not rotated automatically", [secret.address])
}

# Opaque terraform-aws-modules/secrets-manager calls rotate their secret only with enable_rotation
# = true (default false); a rotation resource of this unit may name the call's secret instead.
warn contains result.fail(m, ["enable_rotation"], msg) if {
	not tf.unresolved(rotation_type, ["secret_id"], "aws_secretsmanager_secret")
	some m in modules.secrets
	unknown.not_true(object.get(m.config, "enable_rotation", null))
	count(tf.referencing(m.address, rotation_type, ["secret_id"])) == 0
	msg := sprintf("%s is not rotated automatically", [m.address])
}

# secret_id takes the secret's name as well as its ARN, so a rotation may name the secret literally.
rotated_by_name(secret) if {
	name := unknown.known_string(secret.config.name)
	some rotation in tf.resources(rotation_type)
	unknown.known_string(rotation.config.secret_id) == name
}
