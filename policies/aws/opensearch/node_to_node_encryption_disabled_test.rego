package palisade.aws.opensearch.node_to_node_encryption_disabled_test

import data.palisade.aws.opensearch.node_to_node_encryption_disabled as rule

test_bad_value_fires if {
	rule.deny == {{"msg": "aws_opensearch_domain.this does not encrypt node-to-node traffic", "resource": "aws_opensearch_domain.this", "path": ["node_to_node_encryption", 0, "enabled"], "fix": [{"op": "set", "path": ["node_to_node_encryption", 0, "enabled"], "value": true}]}} with input as {"resources": [{"address": "aws_opensearch_domain.this", "type": "aws_opensearch_domain", "name": "this", "config": {"node_to_node_encryption": [{"enabled": false}]}, "references": []}]}
}

test_unset_fires if {
	rule.deny == {{"msg": "aws_opensearch_domain.this does not encrypt node-to-node traffic", "resource": "aws_opensearch_domain.this", "path": ["node_to_node_encryption"], "fix": [{"op": "add_block", "path": [], "type": "node_to_node_encryption", "config": {"enabled": true}}]}} with input as {"resources": [{"address": "aws_opensearch_domain.this", "type": "aws_opensearch_domain", "name": "this", "config": {}, "references": []}]}
}

test_good_value_passes if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_opensearch_domain.this", "type": "aws_opensearch_domain", "name": "this", "config": {"node_to_node_encryption": [{"enabled": true}]}, "references": []}]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_opensearch_domain.this", "type": "aws_opensearch_domain", "name": "this", "config": {"node_to_node_encryption": [{"enabled": {"$unknown": "var.x"}}]}, "references": []}]}
}

test_unknown_block_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_opensearch_domain.this", "type": "aws_opensearch_domain", "name": "this", "config": {"node_to_node_encryption": {"$unknown": "var.x"}}, "references": []}]}
}

os_call(config) := {"address": "module.search", "source": "terraform-aws-modules/opensearch/aws", "config": config}

test_opaque_module_without_node_encryption_fires if {
	{f.path | some f in rule.deny} == {["node_to_node_encryption", "enabled"]} with input as {"resources": [], "modules": [os_call({"node_to_node_encryption": {"enabled": false}})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [os_call({})]}
}

es(config) := {"resources": [{"address": "aws_elasticsearch_domain.d", "type": "aws_elasticsearch_domain", "name": "d", "config": config, "references": []}]}

# Elasticsearch before 6.0 cannot encrypt node-to-node traffic: still reported, without a fix.
test_legacy_elasticsearch_fires_without_fix if {
	rule.deny == {{"msg": "aws_elasticsearch_domain.d does not encrypt node-to-node traffic: Elasticsearch 5.6 does not support it, upgrade to 6.0 or later", "resource": "aws_elasticsearch_domain.d", "path": ["node_to_node_encryption"]}} with input as es({"elasticsearch_version": "5.6"})
	{f.fix | some f in rule.deny} == {[{"op": "add_block", "path": [], "type": "node_to_node_encryption", "config": {"enabled": true}}]} with input as es({"elasticsearch_version": "6.0"})
}
