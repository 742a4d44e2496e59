# METADATA
# title: Cognito app client cannot revoke its refresh tokens
# description: |
#   An aws_cognito_user_pool_client with enable_token_revocation = false issues refresh tokens that
#   nothing can revoke one by one: RevokeToken and the /oauth2/revoke endpoint refuse them, so an
#   app's sign-out (the Amplify libraries call RevokeToken) leaves a copied refresh token able to
#   mint new access and ID tokens until it expires (30 days by default, up to 10 years). With
#   revocation on, Cognito adds the jti and origin_jti claims to the access and ID tokens and
#   rejects every token a revoked refresh token issued. The API and the provider turn revocation on
#   for a new client when the argument is left out, so only an explicit false is reported.
# related_resources:
#   - ref: https://docs.aws.amazon.com/cognito/latest/developerguide/token-revocation.html
#   - ref: https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UpdateUserPoolClient.html
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cognito_user_pool_client
# custom:
#   id: PAL-AWS-COGNITO-006
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_cognito_user_pool_client]
#   frameworks: {}
#   references: {}
#   cwe: ["CWE-613"]
#   remediation: Set enable_token_revocation = true (or remove the argument; true is the default).
#   fixable: true
package palisade.aws.cognito.user_pool_client_token_revocation_disabled

# Session 23, helper F1. The fix sets true: the provider updates the client in place
# (UpdateUserPoolClient, no replacement), nothing is billed, and no caller loses access: tokens
# issued from then on carry two more claims, and the ones issued before stay valid (they are not
# revocable). The argument exists in every provider release that accepts the false it replaces.
# An unknown value is not judged.

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

path := ["enable_token_revocation"]

deny contains result.fail_fix(r, path, msg, [result.set(path, true)]) if {
	some r in tf.resources("aws_cognito_user_pool_client")
	unknown.is_false(object.get(r.config, "enable_token_revocation", null))
	msg := sprintf("%s turns token revocation off: its refresh tokens stay usable after sign-out until they expire", [r.address])
}
