package palisade.aws.sagemaker.endpoint_config_without_kms_test

import data.palisade.aws.sagemaker.endpoint_config_without_kms as rule

bad := {"resources": [{"address": "aws_sagemaker_endpoint_configuration.this", "type": "aws_sagemaker_endpoint_configuration", "name": "this", "config": {"name": "cfg"}, "references": []}]}

good_0 := {"resources": [{"address": "aws_sagemaker_endpoint_configuration.this", "type": "aws_sagemaker_endpoint_configuration", "name": "this", "config": {"name": "cfg", "kms_key_arn": "arn:aws:kms:us-east-1:111122223333:key/k"}, "references": []}]}

unknown_0 := {"resources": [{"address": "aws_sagemaker_endpoint_configuration.this", "type": "aws_sagemaker_endpoint_configuration", "name": "this", "config": {"name": "cfg", "kms_key_arn": {"$unknown": "var.x"}}, "references": []}]}

test_fires if {
	rule.deny == {{"msg": "aws_sagemaker_endpoint_configuration.this does not encrypt endpoint storage with a KMS key", "resource": "aws_sagemaker_endpoint_configuration.this", "path": ["kms_key_arn"], "fix": [{"config": {"deletion_window_in_days": 30, "description": "Customer managed key for aws_sagemaker_endpoint_configuration.this", "enable_key_rotation": true}, "name": "this", "op": "add_resource", "type": "aws_kms_key"}, {"op": "set", "path": ["kms_key_arn"], "value": {"$expr": "aws_kms_key.this.arn"}}]}} with input as bad
}

test_passes if {
	count(rule.deny) == 0 with input as good_0
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as unknown_0
}

# kms_key_arn = "" names no key: the provider leaves it out of the request.
test_empty_key_fires if {
	count(rule.deny) == 1 with input as {"resources": [{"address": "aws_sagemaker_endpoint_configuration.this", "type": "aws_sagemaker_endpoint_configuration", "name": "this", "config": {"name": "cfg", "kms_key_arn": ""}, "references": []}]}
}
