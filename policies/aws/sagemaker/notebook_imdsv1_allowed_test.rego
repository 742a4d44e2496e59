package palisade.aws.sagemaker.notebook_imdsv1_allowed_test

import data.palisade.aws.sagemaker.notebook_imdsv1_allowed as rule

nb(config) := {"resources": [{"address": "aws_sagemaker_notebook_instance.this", "type": "aws_sagemaker_notebook_instance", "name": "this", "config": config, "references": []}]}

test_no_block_fires_with_add_block if {
	rule.deny == {{
		"msg": "aws_sagemaker_notebook_instance.this accepts IMDSv1 (minimum_instance_metadata_service_version is not \"2\")",
		"resource": "aws_sagemaker_notebook_instance.this",
		"path": ["instance_metadata_service_configuration"],
		"fix": [{"op": "add_block", "path": [], "type": "instance_metadata_service_configuration", "config": {"minimum_instance_metadata_service_version": "2"}}],
	}} with input as nb({"name": "n"})
}

test_version_1_fires_with_set if {
	rule.deny == {{
		"msg": "aws_sagemaker_notebook_instance.this accepts IMDSv1 (minimum_instance_metadata_service_version is not \"2\")",
		"resource": "aws_sagemaker_notebook_instance.this",
		"path": ["instance_metadata_service_configuration", 0, "minimum_instance_metadata_service_version"],
		"fix": [{"op": "set", "path": ["instance_metadata_service_configuration", 0, "minimum_instance_metadata_service_version"], "value": "2"}],
	}} with input as nb({"instance_metadata_service_configuration": [{"minimum_instance_metadata_service_version": "1"}]})
}

test_empty_block_fires if {
	count(rule.deny) == 1 with input as nb({"instance_metadata_service_configuration": [{}]})
}

test_version_2_passes if {
	count(rule.deny) == 0 with input as nb({"instance_metadata_service_configuration": [{"minimum_instance_metadata_service_version": "2"}]})
}

test_version_2_number_passes if {
	count(rule.deny) == 0 with input as nb({"instance_metadata_service_configuration": [{"minimum_instance_metadata_service_version": 2}]})
}

test_unknown_version_does_not_fire if {
	count(rule.deny) == 0 with input as nb({"instance_metadata_service_configuration": [{"minimum_instance_metadata_service_version": {"$unknown": "var.imds"}}]})
}

test_unknown_block_does_not_fire if {
	count(rule.deny) == 0 with input as nb({"instance_metadata_service_configuration": {"$unknown": "var.imds"}})
}
