package palisade.aws.sagemaker.notebook_without_kms_test

import data.palisade.aws.sagemaker.notebook_without_kms as rule

bad := {"resources": [{"address": "aws_sagemaker_notebook_instance.this", "type": "aws_sagemaker_notebook_instance", "name": "this", "config": {"name": "nb"}, "references": []}]}

good_0 := {"resources": [{"address": "aws_sagemaker_notebook_instance.this", "type": "aws_sagemaker_notebook_instance", "name": "this", "config": {"name": "nb", "kms_key_id": "k"}, "references": []}]}

unknown_0 := {"resources": [{"address": "aws_sagemaker_notebook_instance.this", "type": "aws_sagemaker_notebook_instance", "name": "this", "config": {"name": "nb", "kms_key_id": {"$unknown": "var.x"}}, "references": []}]}

test_fires if {
	rule.deny == {{"msg": "aws_sagemaker_notebook_instance.this does not encrypt its storage volume with a KMS key", "resource": "aws_sagemaker_notebook_instance.this", "path": ["kms_key_id"], "fix": [{"config": {"deletion_window_in_days": 30, "description": "Customer managed key for aws_sagemaker_notebook_instance.this", "enable_key_rotation": true}, "name": "this", "op": "add_resource", "type": "aws_kms_key"}, {"op": "set", "path": ["kms_key_id"], "value": {"$expr": "aws_kms_key.this.arn"}}]}} with input as bad
}

test_passes if {
	count(rule.deny) == 0 with input as good_0
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as unknown_0
}

# kms_key_id = "" names no key: the provider leaves it out of the request.
test_empty_key_fires if {
	count(rule.deny) == 1 with input as {"resources": [{"address": "aws_sagemaker_notebook_instance.this", "type": "aws_sagemaker_notebook_instance", "name": "this", "config": {"name": "nb", "kms_key_id": ""}, "references": []}]}
}
