package palisade.aws.sns.topic_not_encrypted_test

import data.palisade.aws.sns.topic_not_encrypted as rule

test_missing_fires if {
	rule.deny == {{"msg": "aws_sns_topic.this is not encrypted with KMS", "resource": "aws_sns_topic.this", "path": ["kms_master_key_id"], "fix": [{"op": "set", "path": ["kms_master_key_id"], "value": "alias/aws/sns"}]}} with input as {"resources": [{"address": "aws_sns_topic.this", "type": "aws_sns_topic", "name": "this", "config": {}, "references": []}]}
}

test_present_passes if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_sns_topic.this", "type": "aws_sns_topic", "name": "this", "config": {"kms_master_key_id": "alias/aws/sns"}, "references": []}]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_sns_topic.this", "type": "aws_sns_topic", "name": "this", "config": {"kms_master_key_id": {"$unknown": "var.x"}}, "references": []}]}
}

test_empty_key_fires if {
	count(rule.deny) == 1 with input as {"resources": [{"address": "aws_sns_topic.this", "type": "aws_sns_topic", "name": "this", "config": {"kms_master_key_id": ""}, "references": []}]}
}

call(config) := {"address": "module.t", "source": "terraform-aws-modules/sns/aws", "config": config}

test_opaque_module_without_key_fires if {
	rule.deny == {{
		"msg": "module.t is not encrypted with KMS", "resource": "module.t", "path": ["kms_master_key_id"],
		"fix": [{"op": "set", "path": ["kms_master_key_id"], "value": "alias/aws/sns"}],
	}} with input as {"resources": [], "modules": [call({"name": "alerts"})]}
	count(rule.deny) == 1 with input as {"resources": [], "modules": [call({"kms_master_key_id": ""})]}
}

test_opaque_module_with_key_or_switched_off_passes if {
	count(rule.deny) == 0 with input as {"resources": [], "modules": [call({"kms_master_key_id": "alias/aws/sns"})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [call({"kms_master_key_id": {"$unknown": "module.kms.key_arn"}})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [call({"create_sns_topic": false}), call({"create": false})]}
}
