package palisade.aws.sagemaker.notebook_direct_internet_test

import data.palisade.aws.sagemaker.notebook_direct_internet as rule

test_bad_value_fires if {
	rule.deny == {{"msg": "aws_sagemaker_notebook_instance.this has direct internet access", "resource": "aws_sagemaker_notebook_instance.this", "path": ["direct_internet_access"], "fix": [{"op": "set", "path": ["direct_internet_access"], "value": "Disabled"}]}} with input as {"resources": [{"address": "aws_sagemaker_notebook_instance.this", "type": "aws_sagemaker_notebook_instance", "name": "this", "config": {"direct_internet_access": "Enabled"}, "references": []}]}
}

test_unset_fires if {
	rule.deny == {{"msg": "aws_sagemaker_notebook_instance.this has direct internet access", "resource": "aws_sagemaker_notebook_instance.this", "path": ["direct_internet_access"], "fix": [{"op": "set", "path": ["direct_internet_access"], "value": "Disabled"}]}} with input as {"resources": [{"address": "aws_sagemaker_notebook_instance.this", "type": "aws_sagemaker_notebook_instance", "name": "this", "config": {}, "references": []}]}
}

test_good_value_passes if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_sagemaker_notebook_instance.this", "type": "aws_sagemaker_notebook_instance", "name": "this", "config": {"direct_internet_access": "Disabled"}, "references": []}]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_sagemaker_notebook_instance.this", "type": "aws_sagemaker_notebook_instance", "name": "this", "config": {"direct_internet_access": {"$unknown": "var.x"}}, "references": []}]}
}
