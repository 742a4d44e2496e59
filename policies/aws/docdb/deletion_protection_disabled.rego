# METADATA
# title: DocumentDB cluster deletion protection is not enabled
# description: |
#   Without deletion_protection = true a single API call or a terraform destroy (or a replacement
#   forced by an attribute change) deletes the cluster and, unless a final snapshot is taken, its
#   data.
# related_resources:
#   - ref: https://docs.aws.amazon.com/documentdb/latest/developerguide/db-cluster-delete.html#db-cluster-deletion-protection
# custom:
#   id: PAL-AWS-DOCDB-002
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_docdb_cluster]
#   frameworks: {}
#   references: {}
#   remediation: Set deletion_protection = true.
#   fixable: true
package palisade.aws.docdb.deletion_protection_disabled

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

path := ["deletion_protection"]

deny contains result.fail_fix(r, path, msg, [result.set(path, true)]) if {
	some r in tf.resources("aws_docdb_cluster")
	unknown.not_true(tf.attr(r, path))
	msg := sprintf("%s does not set deletion_protection = true", [r.address])
}
