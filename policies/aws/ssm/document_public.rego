# METADATA
# title: SSM document is shared publicly
# description: |
#   permissions with type Share and account_ids "All" makes the document public: every AWS account
#   can read it and run it. Documents often reveal internal scripts, paths and parameter names, and
#   a public Command or Automation document can be run by anyone against their own resources in
#   your name. Share with the account ids that need it instead.
# related_resources:
#   - ref: https://docs.aws.amazon.com/systems-manager/latest/userguide/documents-ssm-sharing.html
#   - ref: https://docs.aws.amazon.com/systems-manager/latest/userguide/ssm-before-you-share.html
# custom:
#   id: PAL-AWS-SSM-002
#   severity: high
#   formats: [terraform]
#   resource_types: [aws_ssm_document]
#   frameworks:
#     nist-800-53: [AC-3, AC-21]
#     soc2: [CC6.1]
#   references: {}
#   cwe: ["CWE-668"]
#   remediation: Remove the public share, or list the account ids that need the document in permissions.account_ids.
#   fixable: true
package palisade.aws.ssm.document_public

import data.palisade.lib.result

# Removing the share is the least-privilege fix; naming accounts is a choice only the user can make.
deny contains result.fail_fix(r, ["permissions"], msg, [result.remove(["permissions"])]) if {
	some r in input.resources
	r.type == "aws_ssm_document"
	r.config.permissions.type == "Share"
	public_ids(r.config.permissions.account_ids)
	msg := sprintf("%s is shared with all AWS accounts", [r.address])
}

# The provider splits account_ids on commas (ModifyDocumentPermission AccountIdsToAdd), so "All" among
# listed accounts ("111122223333,All") shares the document publicly too (HashiCorp policy library
# round 27).
public_ids(ids) if {
	is_string(ids)
	some id in split(ids, ",")
	lower(trim_space(id)) == "all"
}

public_ids(ids) if {
	is_array(ids)
	some id in ids
	lower(trim_space(id)) == "all"
}
