package palisade.aws.ecs.container_insights_disabled_test

import data.palisade.aws.ecs.container_insights_disabled as rule

cluster(config) := {"address": "aws_ecs_cluster.c", "type": "aws_ecs_cluster", "name": "c", "config": object.union({"name": "c"}, config), "references": []}

test_missing_setting_fires if {
	rule.deny == {{"msg": "aws_ecs_cluster.c does not use Container Insights", "resource": "aws_ecs_cluster.c", "path": ["setting"], "fix": [{"op": "add_block", "path": [], "type": "setting", "config": {"name": "containerInsights", "value": "enabled"}}]}} with input as {"resources": [cluster({})]}
}

test_disabled_setting_fires if {
	rule.deny == {{"msg": "aws_ecs_cluster.c does not use Container Insights", "resource": "aws_ecs_cluster.c", "path": ["setting", 0, "value"], "fix": [{"op": "set", "path": ["setting", 0, "value"], "value": "enabled"}]}} with input as {"resources": [cluster({"setting": [{"name": "containerInsights", "value": "disabled"}]})]}
}

test_enabled_or_enhanced_passes if {
	count(rule.deny) == 0 with input as {"resources": [cluster({"setting": [{"name": "containerInsights", "value": "enabled"}]})]}
	count(rule.deny) == 0 with input as {"resources": [cluster({"setting": [{"name": "containerInsights", "value": "enhanced"}]})]}
}

test_unknown_value_passes if {
	count(rule.deny) == 0 with input as {"resources": [cluster({"setting": [{"name": "containerInsights", "value": {"$unknown": "var.ci"}}]})]}
}

test_account_default_covers_missing_setting if {
	default_on := {"address": "aws_ecs_account_setting_default.ci", "type": "aws_ecs_account_setting_default", "name": "ci", "config": {"name": "containerInsights", "value": "enabled"}, "references": []}
	count(rule.deny) == 0 with input as {"resources": [cluster({}), default_on]}
}
