package palisade.aws.apigateway.cache_not_encrypted_test

import data.palisade.aws.apigateway.cache_not_encrypted as rule

test_fires_on_false if {
	rule.deny == {{"msg": "aws_api_gateway_method_settings.all caches responses without encrypting the cache", "resource": "aws_api_gateway_method_settings.all", "path": ["settings", 0, "cache_data_encrypted"], "fix": [{"op": "set", "path": ["settings", 0, "cache_data_encrypted"], "value": true}]}} with input as {"resources": [{"address": "aws_api_gateway_method_settings.all", "type": "aws_api_gateway_method_settings", "name": "all", "config": {"settings": [{"caching_enabled": true, "cache_data_encrypted": false}]}, "references": []}]}
}

test_fires_when_unset if {
	rule.deny == {{"msg": "aws_api_gateway_method_settings.all caches responses without encrypting the cache", "resource": "aws_api_gateway_method_settings.all", "path": ["settings", 0, "cache_data_encrypted"], "fix": [{"op": "set", "path": ["settings", 0, "cache_data_encrypted"], "value": true}]}} with input as {"resources": [{"address": "aws_api_gateway_method_settings.all", "type": "aws_api_gateway_method_settings", "name": "all", "config": {"settings": [{"caching_enabled": true}]}, "references": []}]}
}

test_passes_when_encrypted if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_api_gateway_method_settings.all", "type": "aws_api_gateway_method_settings", "name": "all", "config": {"settings": [{"caching_enabled": true, "cache_data_encrypted": true}]}, "references": []}]}
}

test_passes_without_cache if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_api_gateway_method_settings.all", "type": "aws_api_gateway_method_settings", "name": "all", "config": {"settings": [{"metrics_enabled": true}]}, "references": []}]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_api_gateway_method_settings.all", "type": "aws_api_gateway_method_settings", "name": "all", "config": {"settings": [{"caching_enabled": true, "cache_data_encrypted": {"$unknown": "var.x"}}]}, "references": []}]}
}

# Unset caching_enabled: a GET method (or "*/*") of a stage with a cache cluster is cached.
stage(addr, cached) := {"address": addr, "type": "aws_api_gateway_stage", "name": "s", "config": {"stage_name": "prod", "cache_cluster_enabled": cached}, "references": [{"path": ["rest_api_id"], "target": "aws_api_gateway_rest_api.api", "attribute": "id"}]}

settings(method_path, refs) := {"address": "aws_api_gateway_method_settings.m", "type": "aws_api_gateway_method_settings", "name": "m", "config": {"stage_name": "prod", "method_path": method_path, "settings": [{"metrics_enabled": true}]}, "references": refs}

by_ref := [{"path": ["stage_name"], "target": "aws_api_gateway_stage.s", "attribute": "stage_name"}]

by_name := [{"path": ["rest_api_id"], "target": "aws_api_gateway_rest_api.api", "attribute": "id"}]

test_get_inherits_stage_cache if {
	count(rule.deny) == 1 with input as {"resources": [stage("aws_api_gateway_stage.s", true), settings("items/GET", by_ref)]}
}

test_all_methods_inherit_stage_cache_by_name if {
	count(rule.deny) == 1 with input as {"resources": [stage("aws_api_gateway_stage.s", true), settings("*/*", by_name)]}
}

test_post_does_not_inherit_stage_cache if {
	count(rule.deny) == 0 with input as {"resources": [stage("aws_api_gateway_stage.s", true), settings("items/POST", by_ref)]}
}

test_stage_without_cache if {
	count(rule.deny) == 0 with input as {"resources": [stage("aws_api_gateway_stage.s", false), settings("items/GET", by_ref)]}
}

test_stage_cache_unknown if {
	count(rule.deny) == 0 with input as {"resources": [stage("aws_api_gateway_stage.s", {"$unknown": "var.cache"}), settings("items/GET", by_ref)]}
}

test_explicit_caching_off_on_cached_stage if {
	s := settings("items/GET", by_ref)
	off := object.union(s, {"config": object.union(s.config, {"settings": [{"caching_enabled": false}]})})
	count(rule.deny) == 0 with input as {"resources": [stage("aws_api_gateway_stage.s", true), off]}
}
