# METADATA
# title: DAX cluster is not encrypted at rest
# description: |
#   DynamoDB Accelerator caches table data on its nodes. Without server_side_encryption enabled =
#   true the cached items, logs and configuration on the nodes' disks are stored unencrypted.
#   Encryption can only be chosen when the cluster is created.
# related_resources:
#   - ref: https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/DAXEncryptionAtRest.html
# custom:
#   id: PAL-AWS-DYNAMODB-002
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_dax_cluster]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_47
#     trivy: AVD-AWS-0023
#     kics: f11aec39-858f-4b6f-b946-0a1bf46c0c87
#   cwe: ["CWE-311"]
#   remediation: Add server_side_encryption { enabled = true } (the cluster is replaced).
#   fixable: true
package palisade.aws.dynamodb.dax_cluster_not_encrypted

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

deny contains result.fail_fix(r, ["server_side_encryption"], msg(r), [fix]) if {
	some r in tf.resources("aws_dax_cluster")
	tf.missing_attr(r, ["server_side_encryption"])
	fix := result.add_block([], "server_side_encryption", {"enabled": true})
}

deny contains result.fail_fix(r, path, msg(r), [result.set(path, true)]) if {
	some r in tf.resources("aws_dax_cluster")
	some i, block in tf.blocks(r, "server_side_encryption")
	unknown.not_true(object.get(block, "enabled", null))
	path := ["server_side_encryption", i, "enabled"]
}

msg(r) := sprintf("%s does not encrypt its nodes at rest", [r.address])
