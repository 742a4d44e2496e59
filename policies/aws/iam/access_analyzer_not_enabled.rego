# METADATA
# title: IAM Access Analyzer is not enabled for the organization
# description: |
#   The module manages the AWS Organization but creates no aws_accessanalyzer_analyzer. IAM
#   Access Analyzer is what reports resources shared outside the account or organization (public
#   buckets, cross-account roles, KMS grants); without it such exposure goes unnoticed. A module
#   that registers a delegated administrator for access-analyzer.amazonaws.com is not reported:
#   the organization's analyzer is then created in that member account, as AWS recommends.
# related_resources:
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/what-is-access-analyzer.html
# custom:
#   id: PAL-AWS-IAM-022
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_organizations_organization, aws_accessanalyzer_analyzer, aws_organizations_delegated_administrator]
#   frameworks:
#     cis-aws-2.0: ["1.20"]
#   references:
#     kics: e592a0c5-5bdb-414c-9066-5dba7cdea370
#     trivy: AVD-AWS-0175
#   remediation: Add an aws_accessanalyzer_analyzer (type ORGANIZATION when the organization trusts access-analyzer.amazonaws.com).
#   fixable: true
package palisade.aws.iam.access_analyzer_not_enabled

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

deny contains result.fail_fix(org, [], msg, [result.add_resource("aws_accessanalyzer_analyzer", "this", config)]) if {
	count(tf.resources("aws_accessanalyzer_analyzer")) == 0
	not opaque_module
	not delegated
	some org in tf.resources("aws_organizations_organization")
	msg := sprintf("%s has no IAM Access Analyzer", [org.address])
	config := {"analyzer_name": "organization", "type": analyzer_type(org)}
}

# An ORGANIZATION analyzer needs the service to be trusted by the organization.
analyzer_type(org) := "ORGANIZATION" if {
	"access-analyzer.amazonaws.com" in unknown.items(object.get(org.config, "aws_service_access_principals", null))
} else := "ACCOUNT"

# Access Analyzer's administration handed to a member account (a security account in a
# multi-account layout): the organization analyzer belongs there, not in the management account
# this module runs in. A service principal not known here may be Access Analyzer's.
delegated if {
	some d in tf.resources("aws_organizations_delegated_administrator")
	principal := object.get(d.config, "service_principal", null)
	principal_may_be_access_analyzer(principal)
}

principal_may_be_access_analyzer("access-analyzer.amazonaws.com")

principal_may_be_access_analyzer(p) if unknown.is_unknown(p)

# A module whose code Palisade cannot read may create the analyzer.
opaque_module if {
	some m in object.get(input, "modules", [])
	not m.dir
}
