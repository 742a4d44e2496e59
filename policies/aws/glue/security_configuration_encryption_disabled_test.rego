package palisade.aws.glue.security_configuration_encryption_disabled_test

import data.palisade.aws.glue.security_configuration_encryption_disabled as rule

bad := {"resources": [{"address": "aws_glue_security_configuration.this", "type": "aws_glue_security_configuration", "name": "this", "config": {"encryption_configuration": [{"cloudwatch_encryption": [{"cloudwatch_encryption_mode": "SSE-KMS", "kms_key_arn": "k"}], "job_bookmarks_encryption": [{"job_bookmarks_encryption_mode": "DISABLED"}], "s3_encryption": [{"s3_encryption_mode": "SSE-KMS", "kms_key_arn": "k"}]}]}, "references": []}]}

good_0 := {"resources": [{"address": "aws_glue_security_configuration.this", "type": "aws_glue_security_configuration", "name": "this", "config": {"encryption_configuration": [{"cloudwatch_encryption": [{"cloudwatch_encryption_mode": "SSE-KMS", "kms_key_arn": "k"}], "job_bookmarks_encryption": [{"job_bookmarks_encryption_mode": "CSE-KMS", "kms_key_arn": "k"}], "s3_encryption": [{"s3_encryption_mode": "SSE-KMS", "kms_key_arn": "k"}]}]}, "references": []}]}

unknown_0 := {"resources": [{"address": "aws_glue_security_configuration.this", "type": "aws_glue_security_configuration", "name": "this", "config": {"encryption_configuration": {"$unknown": "var.x"}}, "references": []}]}

unknown_1 := {"resources": [{"address": "aws_glue_security_configuration.this", "type": "aws_glue_security_configuration", "name": "this", "config": {"encryption_configuration": [{"s3_encryption": [{"s3_encryption_mode": {"$unknown": "var.x"}, "kms_key_arn": {"$unknown": "var.x"}}]}]}, "references": []}]}

also_bad_0 := {"resources": [{"address": "aws_glue_security_configuration.this", "type": "aws_glue_security_configuration", "name": "this", "config": {"encryption_configuration": [{"cloudwatch_encryption": [{"cloudwatch_encryption_mode": "SSE-KMS"}]}]}, "references": []}]}

also_bad_1 := {"resources": [{"address": "aws_glue_security_configuration.this", "type": "aws_glue_security_configuration", "name": "this", "config": {"encryption_configuration": [{"job_bookmarks_encryption": [{"kms_key_arn": "k"}]}]}, "references": []}]}

test_fires if {
	rule.deny == {{"msg": "aws_glue_security_configuration.this does not encrypt job bookmarks", "resource": "aws_glue_security_configuration.this", "path": ["encryption_configuration", 0, "job_bookmarks_encryption", 0, "job_bookmarks_encryption_mode"], "fix": [{"op": "set", "path": ["encryption_configuration", 0, "job_bookmarks_encryption", 0, "job_bookmarks_encryption_mode"], "value": "CSE-KMS"}, {"config": {"deletion_window_in_days": 30, "description": "Customer managed key for aws_glue_security_configuration.this", "enable_key_rotation": true}, "name": "this", "op": "add_resource", "type": "aws_kms_key"}, {"op": "set", "path": ["encryption_configuration", 0, "job_bookmarks_encryption", 0, "kms_key_arn"], "value": {"$expr": "aws_kms_key.this.arn"}}]}} with input as bad
}

test_also_fires if {
	count(rule.deny) == 1 with input as also_bad_0
	count(rule.deny) == 1 with input as also_bad_1
}

test_passes if {
	count(rule.deny) == 0 with input as good_0
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as unknown_0
	count(rule.deny) == 0 with input as unknown_1
}
