# METADATA
# title: IAM Identity Center user is created directly in the identity store
# description: |
#   An aws_identitystore_user creates a user in Identity Center's own directory. Such users are
#   not synchronised with the organization's identity provider or Active Directory, so leaving
#   the company, MFA and password rules there do not apply to them and they are easily forgotten.
#   Where an external IdP is the source of truth, provision users through SCIM instead.
# related_resources:
#   - ref: https://docs.aws.amazon.com/singlesignon/latest/userguide/manage-your-identity-source.html
# custom:
#   id: PAL-AWS-SSO-003
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_identitystore_user]
#   frameworks: {}
#   references:
#     kics: 4003118b-046b-4640-b200-b8c7a4c8b89f
#   remediation: Create users in the external identity provider and let SCIM provisioning sync them to Identity Center.
#   fixable: false
package palisade.aws.sso.identity_store_user_created

import data.palisade.lib.result

# Advisory: a small organization may use the Identity Center directory on purpose.
warn contains result.fail(r, [], msg) if {
	some r in input.resources
	r.type == "aws_identitystore_user"
	msg := sprintf("%s is created in the Identity Center directory instead of coming from the identity provider", [r.address])
}
