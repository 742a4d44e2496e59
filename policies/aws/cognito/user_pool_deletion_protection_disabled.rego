# METADATA
# title: Cognito user pool deletion protection is not enabled
# description: |
#   Without deletion_protection = "ACTIVE" (the provider leaves it INACTIVE) a single
#   DeleteUserPool call, a terraform destroy or a replacement forced by a changed immutable
#   argument removes the pool with every user, password hash and MFA enrolment in it; nothing can
#   restore them and every user must sign up again. The console turns protection on for new pools,
#   and AWS Config's cognito-user-pool-deletion-protection-enabled managed rule asks for it.
# related_resources:
#   - ref: https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-deletion-protection.html
#   - ref: https://docs.aws.amazon.com/config/latest/developerguide/cognito-user-pool-deletion-protection-enabled.html
# custom:
#   id: PAL-AWS-COGNITO-003
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_cognito_user_pool]
#   frameworks: {}
#   cwe: ["CWE-693"]
#   remediation: Set deletion_protection = "ACTIVE".
#   fixable: true
package palisade.aws.cognito.user_pool_deletion_protection_disabled

import data.palisade.lib.fixes
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

path := ["deletion_protection"]

deny contains fixes.finding(r, path, msg, resource_fix) if {
	some r in tf.resources("aws_cognito_user_pool")
	inactive(object.get(r.config, "deletion_protection", null))
	msg := sprintf("%s does not set deletion_protection = \"ACTIVE\"", [r.address])
}

inactive(null)

inactive(v) if upper(unknown.known_string(v)) == "INACTIVE"

# The argument came with AWS provider v4.38 (November 2022): a configuration that pins the
# provider below it cannot set it, so the pool is reported without a fix.
resource_fix := [] if tf.provider_below_version("aws", 4, 38)

resource_fix := [result.set(path, "ACTIVE")] if not tf.provider_below_version("aws", 4, 38)
