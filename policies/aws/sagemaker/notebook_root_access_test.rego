package palisade.aws.sagemaker.notebook_root_access_test

import data.palisade.aws.sagemaker.notebook_root_access as rule

bad := {"resources": [{"address": "aws_sagemaker_notebook_instance.this", "type": "aws_sagemaker_notebook_instance", "name": "this", "config": {"root_access": "Enabled"}, "references": []}]}

good_0 := {"resources": [{"address": "aws_sagemaker_notebook_instance.this", "type": "aws_sagemaker_notebook_instance", "name": "this", "config": {"root_access": "Disabled"}, "references": []}]}

unknown_0 := {"resources": [{"address": "aws_sagemaker_notebook_instance.this", "type": "aws_sagemaker_notebook_instance", "name": "this", "config": {"root_access": {"$unknown": "var.x"}}, "references": []}]}

also_bad_0 := {"resources": [{"address": "aws_sagemaker_notebook_instance.this", "type": "aws_sagemaker_notebook_instance", "name": "this", "config": {}, "references": []}]}

test_fires if {
	rule.deny == {{"msg": "aws_sagemaker_notebook_instance.this does not set root_access = \"Disabled\"", "resource": "aws_sagemaker_notebook_instance.this", "path": ["root_access"], "fix": [{"op": "set", "path": ["root_access"], "value": "Disabled"}]}} with input as bad
}

test_also_fires if {
	count(rule.deny) == 1 with input as also_bad_0
}

test_passes if {
	count(rule.deny) == 0 with input as good_0
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as unknown_0
}
