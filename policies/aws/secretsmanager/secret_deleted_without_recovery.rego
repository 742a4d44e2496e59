# METADATA
# title: Secrets Manager secret is deleted without a recovery window
# description: |
#   recovery_window_in_days = 0 makes deleting the secret (including a terraform destroy or a
#   replacement) immediate and irreversible: every application still using it fails and the value
#   cannot be restored. The default window of 30 days lets a mistaken deletion be undone.
# related_resources:
#   - ref: https://docs.aws.amazon.com/secretsmanager/latest/userguide/manage_delete-secret.html
# custom:
#   id: PAL-AWS-SECRETSMANAGER-004
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_secretsmanager_secret, "module:terraform-aws-modules/secrets-manager/aws"]
#   frameworks: {}
#   references: {}
#   remediation: Remove recovery_window_in_days = 0 (or set 7-30 days).
#   fixable: true
package palisade.aws.secretsmanager.secret_deleted_without_recovery

import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

path := ["recovery_window_in_days"]

warn contains result.fail_fix(r, path, msg, [result.set(path, 30)]) if {
	some r in tf.resources("aws_secretsmanager_secret")
	unknown.known_number(r.config.recovery_window_in_days) == 0
	msg := sprintf("%s is deleted immediately, without a recovery window", [r.address])
}

# Opaque terraform-aws-modules/secrets-manager calls pass recovery_window_in_days (default null:
# AWS's 30 days).
warn contains result.fail_fix(m, path, msg, [result.set(path, 30)]) if {
	some m in modules.secrets
	unknown.known_number(m.config.recovery_window_in_days) == 0
	msg := sprintf("%s is deleted immediately, without a recovery window", [m.address])
}
