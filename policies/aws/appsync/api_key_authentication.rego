# METADATA
# title: AppSync GraphQL API accepts API keys
# description: |
#   With authentication_type (or an additional_authentication_provider) set to API_KEY, anyone who
#   holds the key may call the API. The key is a static shared secret shipped inside every client
#   (web pages, mobile apps), identifies no user and expires only on a date; whoever copies it
#   queries and mutates the API as every other client does. AWS Security Hub (AppSync.5) asks for
#   IAM, Cognito user pools, OpenID Connect or Lambda authorizers instead. API keys suit public,
#   read-only demos only. There is no mechanical fix: the clients must change how they sign in.
# related_resources:
#   - ref: https://docs.aws.amazon.com/appsync/latest/devguide/security-authz.html
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/appsync-controls.html#appsync-5
# custom:
#   id: PAL-AWS-APPSYNC-002
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_appsync_graphql_api]
#   frameworks: {}
#   cwe: ["CWE-798"]
#   remediation: >-
#     Authenticate callers with AWS_IAM, AMAZON_COGNITO_USER_POOLS, OPENID_CONNECT or AWS_LAMBDA
#     instead of API_KEY, as the primary type and in every additional_authentication_provider.
#   fixable: false
package palisade.aws.appsync.api_key_authentication

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

deny contains result.fail(r, ["authentication_type"], msg) if {
	some r in tf.resources("aws_appsync_graphql_api")
	unknown.known_string(r.config.authentication_type) == "API_KEY"
	msg := sprintf("%s authenticates callers with an API key", [r.address])
}

# An additional provider of type API_KEY lets key holders in beside the primary type.
deny contains result.fail(r, path, msg) if {
	some r in tf.resources("aws_appsync_graphql_api")
	some i, p in tf.blocks(r, "additional_authentication_provider")
	unknown.known_string(p.authentication_type) == "API_KEY"
	path := ["additional_authentication_provider", i, "authentication_type"]
	msg := sprintf("%s also accepts callers with an API key", [r.address])
}
