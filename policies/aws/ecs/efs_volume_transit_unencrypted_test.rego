package palisade.aws.ecs.efs_volume_transit_unencrypted_test

import data.palisade.aws.ecs.efs_volume_transit_unencrypted as rule

test_fires_on_disabled if {
	rule.deny == {{"msg": "aws_ecs_task_definition.app mounts EFS volume \"data\" without encryption in transit", "resource": "aws_ecs_task_definition.app", "path": ["volume", 0, "efs_volume_configuration", 0, "transit_encryption"], "fix": [{"op": "set", "path": ["volume", 0, "efs_volume_configuration", 0, "transit_encryption"], "value": "ENABLED"}]}} with input as {"resources": [{"address": "aws_ecs_task_definition.app", "type": "aws_ecs_task_definition", "name": "app", "config": {"volume": [{"name": "data", "efs_volume_configuration": [{"file_system_id": "fs-1", "transit_encryption": "DISABLED"}]}]}, "references": []}]}
}

test_fires_when_unset if {
	rule.deny == {{"msg": "aws_ecs_task_definition.app mounts EFS volume \"data\" without encryption in transit", "resource": "aws_ecs_task_definition.app", "path": ["volume", 0, "efs_volume_configuration", 0, "transit_encryption"], "fix": [{"op": "set", "path": ["volume", 0, "efs_volume_configuration", 0, "transit_encryption"], "value": "ENABLED"}]}} with input as {"resources": [{"address": "aws_ecs_task_definition.app", "type": "aws_ecs_task_definition", "name": "app", "config": {"volume": [{"name": "data", "efs_volume_configuration": [{"file_system_id": "fs-1"}]}]}, "references": []}]}
}

test_passes_when_enabled if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_ecs_task_definition.app", "type": "aws_ecs_task_definition", "name": "app", "config": {"volume": [{"name": "data", "efs_volume_configuration": [{"transit_encryption": "ENABLED"}]}]}, "references": []}]}
}

test_ignores_other_volumes if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_ecs_task_definition.app", "type": "aws_ecs_task_definition", "name": "app", "config": {"volume": [{"name": "scratch"}]}, "references": []}]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_ecs_task_definition.app", "type": "aws_ecs_task_definition", "name": "app", "config": {"volume": [{"name": "data", "efs_volume_configuration": [{"transit_encryption": {"$unknown": "var.x"}}]}]}, "references": []}]}
}

# A volume named by a template of variables (Pennsieve's app-provisioner: "${var.app_slug}-storage-…")
# has no name before apply: the message names it by position, not by the unknown's JSON.
test_unknown_volume_name_shown_by_index if {
	rule.deny == {{"msg": "aws_ecs_task_definition.app mounts the EFS volume at index 0 without encryption in transit", "resource": "aws_ecs_task_definition.app", "path": ["volume", 0, "efs_volume_configuration", 0, "transit_encryption"], "fix": [{"op": "set", "path": ["volume", 0, "efs_volume_configuration", 0, "transit_encryption"], "value": "ENABLED"}]}} with input as {"resources": [{"address": "aws_ecs_task_definition.app", "type": "aws_ecs_task_definition", "name": "app", "config": {"volume": [{"name": {"$unknown": "\"${var.app_slug}-storage\""}, "efs_volume_configuration": [{"file_system_id": "fs-1"}]}]}, "references": []}]}
}
