package palisade.aws.config.recorder_not_all_resources_test

import data.palisade.aws.config.recorder_not_all_resources as rule

test_bad_value_fires if {
	rule.deny == {{"msg": "aws_config_configuration_recorder.this does not record all supported resource types", "resource": "aws_config_configuration_recorder.this", "path": ["recording_group", 0, "all_supported"], "fix": [{"op": "set", "path": ["recording_group", 0, "all_supported"], "value": true}]}} with input as {"resources": [{"address": "aws_config_configuration_recorder.this", "type": "aws_config_configuration_recorder", "name": "this", "config": {"recording_group": [{"all_supported": false}]}, "references": []}]}
}

test_unset_passes if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_config_configuration_recorder.this", "type": "aws_config_configuration_recorder", "name": "this", "config": {}, "references": []}]}
}

test_good_value_passes if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_config_configuration_recorder.this", "type": "aws_config_configuration_recorder", "name": "this", "config": {"recording_group": [{"all_supported": true}]}, "references": []}]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_config_configuration_recorder.this", "type": "aws_config_configuration_recorder", "name": "this", "config": {"recording_group": [{"all_supported": {"$unknown": "var.x"}}]}, "references": []}]}
}

test_unknown_block_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_config_configuration_recorder.this", "type": "aws_config_configuration_recorder", "name": "this", "config": {"recording_group": {"$unknown": "var.x"}}, "references": []}]}
}

# Vendor example (Checkov CKV2_AWS_45's fail_1): the recorder status turns the recorder off.
test_stopped_recorder_fires if {
	rule.deny == {{"msg": "aws_config_configuration_recorder_status.this stops the configuration recorder, so no resource type is recorded", "resource": "aws_config_configuration_recorder_status.this", "path": ["is_enabled"], "fix": [{"op": "set", "path": ["is_enabled"], "value": true}]}} with input as {"resources": [{"address": "aws_config_configuration_recorder_status.this", "type": "aws_config_configuration_recorder_status", "name": "this", "config": {"name": "default", "is_enabled": false}, "references": []}]}
}

test_running_recorder_passes if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_config_configuration_recorder_status.this", "type": "aws_config_configuration_recorder_status", "name": "this", "config": {"name": "default", "is_enabled": true}, "references": []}]}
}

test_unknown_status_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_config_configuration_recorder_status.this", "type": "aws_config_configuration_recorder_status", "name": "this", "config": {"name": "default", "is_enabled": {"$unknown": "var.on"}}, "references": []}]}
}
