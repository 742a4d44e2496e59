# METADATA
# title: AWS Organization cannot use service control policies
# description: |
#   The organization's feature_set is CONSOLIDATED_BILLING, which turns off service control
#   policies (and tag and backup policies). Without SCPs nothing can put a ceiling on what member
#   accounts do: disabling CloudTrail, leaving the organization or using unapproved regions stays
#   possible for every administrator of a member account.
# related_resources:
#   - ref: https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_org_support-all-features.html
# custom:
#   id: PAL-AWS-ORGANIZATIONS-001
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_organizations_organization]
#   frameworks: {}
#   references:
#     kics: 5ba6229c-8057-433e-91d0-21cf13569ca9
#   remediation: Set feature_set to "ALL" (member accounts must approve the change).
#   fixable: true
package palisade.aws.organizations.scp_disabled

import data.palisade.lib.result

# Unset feature_set is "ALL".
deny contains result.fail_fix(r, ["feature_set"], msg, [result.set(["feature_set"], "ALL")]) if {
	some r in input.resources
	r.type == "aws_organizations_organization"
	r.config.feature_set == "CONSOLIDATED_BILLING"
	msg := sprintf("%s uses only consolidated billing, so service control policies are unavailable", [r.address])
}
