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
