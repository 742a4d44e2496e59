package palisade.aws.opensearch.serverless_network_public_test

import data.palisade.aws.opensearch.serverless_network_public as rule

policy(config) := {"resources": [{"address": "aws_opensearchserverless_security_policy.nw", "type": "aws_opensearchserverless_security_policy", "name": "nw", "config": config, "references": []}]}

# Held-out s19 (aws-ia/terraform-aws-opensearch-serverless): the collection and its dashboards
# public, in two rules of one policy; the collection names are unknown (a random suffix).
test_public_collection_and_dashboards_warn if {
	doc := [
		{"Rules": [{"ResourceType": "collection", "Resource": [{"$unknown": "\"collection/os-${random_string.s.result}\""}]}], "AllowFromPublic": true},
		{"Description": "dashboards", "Rules": [{"ResourceType": "dashboard", "Resource": ["collection/logs"]}], "AllowFromPublic": true},
	]
	{[f.path, f.msg] | some f in rule.warn} == {
		[["policy", 0, "AllowFromPublic"], "the network policy aws_opensearchserverless_security_policy.nw allows public access to its collections"],
		[["policy", 1, "AllowFromPublic"], "the network policy aws_opensearchserverless_security_policy.nw allows public access to its OpenSearch Dashboards"],
	} with input as policy({"type": "network", "policy": doc})
}

test_json_string_policy_warns if {
	text := `[{"Rules":[{"ResourceType":"collection","Resource":["collection/logs"]},{"ResourceType":"dashboard","Resource":["collection/logs"]}],"AllowFromPublic":true}]`
	{f.msg | some f in rule.warn} == {"the network policy aws_opensearchserverless_security_policy.nw allows public access to its OpenSearch Dashboards and its collections"} with input as policy({"type": "network", "policy": text})
}

test_single_rule_object_warns if {
	count(rule.warn) == 1 with input as policy({"type": "network", "policy": {"Rules": [{"ResourceType": "collection", "Resource": ["collection/logs"]}], "AllowFromPublic": true}})
}

test_vpc_endpoint_access_passes if {
	doc := [{"Rules": [{"ResourceType": "collection", "Resource": ["collection/logs"]}], "AllowFromPublic": false, "SourceVPCEs": ["vpce-050f79086ee71ac05"]}]
	count(rule.warn) == 0 with input as policy({"type": "network", "policy": doc})
}

test_unknown_or_unset_public_passes if {
	doc := [{"Rules": [{"ResourceType": "collection", "Resource": ["collection/logs"]}], "AllowFromPublic": {"$unknown": "var.public"}}]
	count(rule.warn) == 0 with input as policy({"type": "network", "policy": doc})
	count(rule.warn) == 0 with input as policy({"type": "network", "policy": [{"Rules": [{"ResourceType": "collection", "Resource": ["collection/logs"]}]}]})
	count(rule.warn) == 0 with input as policy({"type": "network", "policy": {"$unknown": "var.policy"}})
}

test_encryption_policy_is_not_judged if {
	count(rule.warn) == 0 with input as policy({"type": "encryption", "policy": {"Rules": [{"ResourceType": "collection", "Resource": ["collection/logs"]}], "AWSOwnedKey": true, "AllowFromPublic": true}})
}
