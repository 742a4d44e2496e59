# METADATA
# title: Cognito app client reveals which user names exist
# description: |
#   An app client without prevent_user_existence_errors = "ENABLED" answers sign-in, password
#   recovery and confirmation requests for an unknown user name with UserNotFoundException, so
#   anyone holding the (public) client ID can test which user names or e-mail addresses have
#   accounts and then aim password spraying or phishing at them. The API and the Terraform
#   provider create clients with LEGACY (the old, revealing behaviour) when the argument is
#   omitted; the Cognito console selects ENABLED for new clients. A client that only uses the
#   client_credentials grant and writes no user sign-in flow in explicit_auth_flows signs in no
#   users and is not reported.
# related_resources:
#   - ref: https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pool-managing-errors.html
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cognito_user_pool_client#prevent_user_existence_errors-1
# custom:
#   id: PAL-AWS-COGNITO-005
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_cognito_user_pool_client]
#   frameworks:
#     nist-800-53: [SI-11]
#   cwe: ["CWE-204"]
#   remediation: Set prevent_user_existence_errors = "ENABLED".
#   fixable: true
package palisade.aws.cognito.user_pool_client_user_existence_errors

import data.palisade.lib.fixes
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

path := ["prevent_user_existence_errors"]

deny contains fixes.finding(r, path, msg, [result.set(path, "ENABLED")]) if {
	some r in tf.resources("aws_cognito_user_pool_client")
	legacy(object.get(r.config, "prevent_user_existence_errors", null))
	signs_in_users(r.config)
	msg := sprintf(
		"%s does not set prevent_user_existence_errors = \"ENABLED\": sign-in and password recovery tell callers which user names exist",
		[r.address],
	)
}

legacy(null)

legacy(v) if upper(unknown.known_string(v)) == "LEGACY"

# A client whose only OAuth grant is client_credentials authenticates a machine, never a user,
# so no response of it can reveal a user name. Unknown or absent flows may sign users in, and so
# does a machine client whose explicit_auth_flows name a user sign-in flow (InitiateAuth answers
# for user names whatever OAuth grants the client lists).
signs_in_users(config) if not machine_only(config)

signs_in_users(config) if {
	some flow in object.get(config, "explicit_auth_flows", [])
	upper(unknown.known_string(flow)) in user_auth_flows
}

# The explicit flows that authenticate a user (ALLOW_REFRESH_TOKEN_AUTH only renews a session;
# the USER_ and ADMIN_ names without ALLOW_ are the legacy spellings of the same flows).
user_auth_flows := {
	"ALLOW_USER_PASSWORD_AUTH", "ALLOW_USER_SRP_AUTH", "ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_CUSTOM_AUTH",
	"ALLOW_USER_AUTH", "USER_PASSWORD_AUTH", "ADMIN_NO_SRP_AUTH", "CUSTOM_AUTH_FLOW_ONLY",
}

machine_only(config) if {
	flows := config.allowed_oauth_flows
	unknown.known(flows)
	is_array(flows)
	count(flows) > 0
	every f in flows {
		f == "client_credentials"
	}
}
