# METADATA
# title: Glue Data Catalog is not encrypted with a customer managed key
# description: |
#   The Data Catalog's encryption settings should encrypt metadata at rest (catalog_encryption_mode
#   = "SSE-KMS" with a KMS key) and keep connection passwords encrypted
#   (return_connection_password_encrypted = true with a KMS key). Otherwise table definitions and
#   the credentials stored in Glue connections are readable by anyone with catalog read access.
# related_resources:
#   - ref: https://docs.aws.amazon.com/glue/latest/dg/encrypt-glue-data-catalog.html
# custom:
#   id: PAL-AWS-GLUE-001
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_glue_data_catalog_encryption_settings]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_94
#     kics: 01d50b14-e933-4c99-b314-6d08cd37ad35
#   cwe: ["CWE-311"]
#   remediation: Set encryption_at_rest.catalog_encryption_mode = "SSE-KMS" with sse_aws_kms_key_id, and connection_password_encryption.return_connection_password_encrypted = true with aws_kms_key_id.
#   fixable: true
package palisade.aws.glue.data_catalog_encryption_disabled

import data.palisade.lib.fixes
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

settings contains {"resource": r, "path": ["data_catalog_encryption_settings", i], "block": s} if {
	some r in tf.resources("aws_glue_data_catalog_encryption_settings")
	some i, s in tf.blocks(r, "data_catalog_encryption_settings")
}

deny contains result.fail_fix(entry.resource, path, msg, [result.set(path, true)]) if {
	some entry in settings
	some j, c in unknown.items(object.get(entry.block, "connection_password_encryption", []))
	unknown.not_true(object.get(c, "return_connection_password_encrypted", null))
	path := array.concat(entry.path, ["connection_password_encryption", j, "return_connection_password_encrypted"])
	msg := sprintf("%s does not encrypt Glue connection passwords", [entry.resource.address])
}

# The fixes of the two "no customer managed key" findings below add one key for the resource and
# name it in the block.
deny contains fixes.finding(entry.resource, path, msg, fixes.cmk_set(entry.resource, array.concat(path, ["aws_kms_key_id"]))) if {
	some entry in settings
	some j, c in unknown.items(object.get(entry.block, "connection_password_encryption", []))
	unknown.is_true(object.get(c, "return_connection_password_encrypted", null))
	unknown.missing(c, "aws_kms_key_id")
	path := array.concat(entry.path, ["connection_password_encryption", j])
	msg := sprintf("%s encrypts connection passwords without a KMS key", [entry.resource.address])
}

deny contains result.fail_fix(entry.resource, path, msg, [result.set(path, "SSE-KMS")]) if {
	some entry in settings
	some j, e in unknown.items(object.get(entry.block, "encryption_at_rest", []))
	mode := unknown.known_string(e.catalog_encryption_mode)
	mode == "DISABLED"
	path := array.concat(entry.path, ["encryption_at_rest", j, "catalog_encryption_mode"])
	msg := sprintf("%s does not encrypt the Data Catalog at rest", [entry.resource.address])
}

deny contains fixes.finding(entry.resource, path, msg, fixes.cmk_set(entry.resource, array.concat(path, ["sse_aws_kms_key_id"]))) if {
	some entry in settings
	some j, e in unknown.items(object.get(entry.block, "encryption_at_rest", []))
	unknown.known_string(e.catalog_encryption_mode) == "SSE-KMS"
	unknown.missing(e, "sse_aws_kms_key_id")
	path := array.concat(entry.path, ["encryption_at_rest", j])
	msg := sprintf("%s encrypts the Data Catalog with the AWS managed key instead of a customer managed key", [entry.resource.address])
}
