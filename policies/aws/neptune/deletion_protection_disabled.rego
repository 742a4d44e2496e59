# METADATA
# title: Neptune cluster deletion protection is not enabled
# description: |
#   Without deletion_protection = true a single API call or a terraform destroy (or a replacement
#   forced by an attribute change) deletes the graph database cluster and, unless a final snapshot
#   is taken, its data.
# related_resources:
#   - ref: https://docs.aws.amazon.com/neptune/latest/userguide/manage-console-instances-delete.html
# custom:
#   id: PAL-AWS-NEPTUNE-005
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_neptune_cluster]
#   frameworks: {}
#   references:
#     checkov: CKV2_AWS_58
#   remediation: Set deletion_protection = true.
#   fixable: true
package palisade.aws.neptune.deletion_protection_disabled

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

path := ["deletion_protection"]

deny contains result.fail_fix(r, path, msg, [result.set(path, true)]) if {
	some r in tf.resources("aws_neptune_cluster")
	unknown.not_true(tf.attr(r, path))
	msg := sprintf("%s does not set deletion_protection = true", [r.address])
}
