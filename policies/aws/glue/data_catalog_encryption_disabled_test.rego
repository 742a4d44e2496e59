package palisade.aws.glue.data_catalog_encryption_disabled_test

import data.palisade.aws.glue.data_catalog_encryption_disabled as rule

bad := {"resources": [{"address": "aws_glue_data_catalog_encryption_settings.this", "type": "aws_glue_data_catalog_encryption_settings", "name": "this", "config": {"data_catalog_encryption_settings": [{"connection_password_encryption": [{"aws_kms_key_id": "k", "return_connection_password_encrypted": true}], "encryption_at_rest": [{"catalog_encryption_mode": "DISABLED"}]}]}, "references": []}]}

good_0 := {"resources": [{"address": "aws_glue_data_catalog_encryption_settings.this", "type": "aws_glue_data_catalog_encryption_settings", "name": "this", "config": {"data_catalog_encryption_settings": [{"connection_password_encryption": [{"aws_kms_key_id": "k", "return_connection_password_encrypted": true}], "encryption_at_rest": [{"catalog_encryption_mode": "SSE-KMS", "sse_aws_kms_key_id": "k"}]}]}, "references": []}]}

unknown_0 := {"resources": [{"address": "aws_glue_data_catalog_encryption_settings.this", "type": "aws_glue_data_catalog_encryption_settings", "name": "this", "config": {"data_catalog_encryption_settings": [{"connection_password_encryption": [{"aws_kms_key_id": {"$unknown": "var.x"}, "return_connection_password_encrypted": {"$unknown": "var.x"}}], "encryption_at_rest": [{"catalog_encryption_mode": {"$unknown": "var.x"}, "sse_aws_kms_key_id": {"$unknown": "var.x"}}]}]}, "references": []}]}

also_bad_0 := {"resources": [{"address": "aws_glue_data_catalog_encryption_settings.this", "type": "aws_glue_data_catalog_encryption_settings", "name": "this", "config": {"data_catalog_encryption_settings": [{"connection_password_encryption": [{"aws_kms_key_id": "k", "return_connection_password_encrypted": false}], "encryption_at_rest": [{"catalog_encryption_mode": "SSE-KMS", "sse_aws_kms_key_id": "k"}]}]}, "references": []}]}

also_bad_1 := {"resources": [{"address": "aws_glue_data_catalog_encryption_settings.this", "type": "aws_glue_data_catalog_encryption_settings", "name": "this", "config": {"data_catalog_encryption_settings": [{"connection_password_encryption": [{"return_connection_password_encrypted": true}], "encryption_at_rest": [{"catalog_encryption_mode": "SSE-KMS", "sse_aws_kms_key_id": "k"}]}]}, "references": []}]}

also_bad_2 := {"resources": [{"address": "aws_glue_data_catalog_encryption_settings.this", "type": "aws_glue_data_catalog_encryption_settings", "name": "this", "config": {"data_catalog_encryption_settings": [{"connection_password_encryption": [{"aws_kms_key_id": "k", "return_connection_password_encrypted": true}], "encryption_at_rest": [{"catalog_encryption_mode": "SSE-KMS"}]}]}, "references": []}]}

test_fires if {
	rule.deny == {{"msg": "aws_glue_data_catalog_encryption_settings.this does not encrypt the Data Catalog at rest", "resource": "aws_glue_data_catalog_encryption_settings.this", "path": ["data_catalog_encryption_settings", 0, "encryption_at_rest", 0, "catalog_encryption_mode"], "fix": [{"op": "set", "path": ["data_catalog_encryption_settings", 0, "encryption_at_rest", 0, "catalog_encryption_mode"], "value": "SSE-KMS"}]}} with input as bad
}

test_also_fires if {
	count(rule.deny) == 1 with input as also_bad_0
	count(rule.deny) == 1 with input as also_bad_1
	count(rule.deny) == 1 with input as also_bad_2
}

test_passes if {
	count(rule.deny) == 0 with input as good_0
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as unknown_0
}
