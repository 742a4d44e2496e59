# METADATA
# title: Redshift Serverless snapshot resource policy allows anyone
# description: |
#   Redshift Serverless resource policies share snapshots across AWS accounts. An Allow statement
#   in an aws_redshiftserverless_resource_policy whose principal is "*" (or {"AWS": "*"}, or an
#   Allow with NotPrincipal) and that no condition scopes to an organization or account lets any
#   AWS account restore the snapshot (redshift-serverless:RestoreFromSnapshot) into a namespace of
#   its own and read every table in it. AWS documents sharing with named account IDs.
# related_resources:
#   - ref: https://docs.aws.amazon.com/redshift-serverless/latest/APIReference/API_PutResourcePolicy.html
#   - ref: https://docs.aws.amazon.com/redshift/latest/mgmt/serverless-snapshots-recovery-points.html
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/redshiftserverless_resource_policy
# custom:
#   id: PAL-AWS-REDSHIFT-013
#   severity: high
#   formats: [terraform]
#   resource_types: [aws_redshiftserverless_resource_policy]
#   frameworks: {}
#   references: {}
#   cwe: ["CWE-732"]
#   remediation: Name the account IDs the snapshot is shared with.
#   fixable: false
#   allow_unknown: true
package palisade.aws.redshift.serverless_snapshot_policy_public

# No fix: the accounts meant to restore the snapshot are not in the configuration. One finding
# per document, on policy; each open statement is related.

import data.palisade.lib.resource_policy
import data.palisade.lib.result
import data.palisade.lib.tf

deny contains result.with_related(result.fail(r, ["policy"], msg), related) if {
	some r in tf.resources("aws_redshiftserverless_resource_policy")
	entries := resource_policy.any_principal_statements(resource_policy.document(r.config.policy))
	count(entries) > 0
	related := [result.related(r, array.concat(["policy"], array.concat(e.path, ["Principal"])), "open to any principal") | some e in entries]
	msg := sprintf("the resource policy of %s allows %s to any principal", [r.address, concat(", ", [resource_policy.action_labels(e.statement) | some e in entries])])
}
