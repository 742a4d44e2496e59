# METADATA
# title: S3 Glacier vault access policy allows anyone
# description: |
#   An Allow statement in a vault's access_policy whose principal is "*" (or {"AWS": "*"}, or an
#   Allow with NotPrincipal) and that no condition scopes to an organization, account, source ARN
#   or VPC endpoint lets any AWS account act on the vault: list and download its archives, start
#   retrieval jobs (billed to the vault's owner) or, with the wrong actions, delete archives. A vault
#   holds long-term backups and records, so such a grant is rarely meant.
# related_resources:
#   - ref: https://docs.aws.amazon.com/amazonglacier/latest/dev/vault-access-policy.html
#   - ref: https://docs.aws.amazon.com/amazonglacier/latest/dev/access-control-overview.html
# custom:
#   id: PAL-AWS-GLACIER-001
#   severity: high
#   formats: [terraform]
#   resource_types: [aws_glacier_vault]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_167
#   cwe: ["CWE-732"]
#   remediation: Name the accounts or roles that need the vault, or scope the statement with aws:PrincipalOrgID or aws:SourceAccount.
#   fixable: false
#   allow_unknown: true
package palisade.aws.glacier.vault_policy_public

# One finding per policy, on access_policy; the open statements are related locations (as SQS-002).

import data.palisade.lib.resource_policy
import data.palisade.lib.result
import data.palisade.lib.tf

deny contains result.with_related(result.fail(r, ["access_policy"], msg), related) if {
	some r in tf.resources("aws_glacier_vault")
	entries := resource_policy.any_principal_statements(resource_policy.document(r.config.access_policy))
	count(entries) > 0
	related := [result.related(r, array.concat(["access_policy"], array.concat(e.path, ["Principal"])), "open to any principal") | some e in entries]
	msg := sprintf("the access policy of %s allows %s to any principal", [r.address, concat(", ", [resource_policy.action_labels(e.statement) | some e in entries])])
}
