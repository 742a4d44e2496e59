# METADATA
# title: Cognito user pool accepts passwords shorter than 8 characters
# description: |
#   An aws_cognito_user_pool's password_policy.minimum_length sets the shortest password users may
#   choose. Cognito accepts 6 to 99 and uses 8 when the argument is left out; 6 or 7 lets users
#   pick passwords that NIST SP 800-63B's minimum of 8 rules out and that online guessing and
#   password spraying reach sooner. Reported: a known minimum_length below 8 (literal or a
#   variable's default); a block or an argument left out is the default 8 and passes.
# related_resources:
#   - ref: https://docs.aws.amazon.com/cognito/latest/developerguide/managing-users-passwords.html
#   - ref: https://pages.nist.gov/800-63-3/sp800-63b.html#memsecret
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cognito_user_pool#password_policy
# custom:
#   id: PAL-AWS-COGNITO-007
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_cognito_user_pool]
#   frameworks: {}
#   references: {}
#   cwe: ["CWE-521"]
#   remediation: Set password_policy { minimum_length = 8 } or more (or leave it out; 8 is the default).
#   fixable: true
package palisade.aws.cognito.user_pool_password_short

# Session 23, helper F1. The fix sets 8, the default and the smallest length the finding accepts:
# the provider updates the pool in place (UpdateUserPool, no replacement), nothing is billed, and
# no user is locked out (Cognito checks the policy when a password is set, so existing passwords
# keep working; new ones must be 8 characters). An unknown length or a dynamic block is not judged.

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

deny contains result.fail_fix(r, path, msg, [result.set(path, 8)]) if {
	some r in tf.resources("aws_cognito_user_pool")
	some i, policy in tf.blocks(r, "password_policy")
	length := unknown.known_number(object.get(policy, "minimum_length", null))
	length < 8
	path := ["password_policy", i, "minimum_length"]
	msg := sprintf("%s accepts passwords of %d characters (password_policy.minimum_length below 8)", [r.address, length])
}
