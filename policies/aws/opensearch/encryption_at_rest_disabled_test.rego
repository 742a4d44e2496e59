package palisade.aws.opensearch.encryption_at_rest_disabled_test

import data.palisade.aws.opensearch.encryption_at_rest_disabled as rule

test_bad_value_fires if {
	rule.deny == {{"msg": "aws_opensearch_domain.this is not encrypted at rest", "resource": "aws_opensearch_domain.this", "path": ["encrypt_at_rest", 0, "enabled"], "fix": [{"op": "set", "path": ["encrypt_at_rest", 0, "enabled"], "value": true}]}} with input as {"resources": [{"address": "aws_opensearch_domain.this", "type": "aws_opensearch_domain", "name": "this", "config": {"encrypt_at_rest": [{"enabled": false}]}, "references": []}]}
}

test_unset_fires if {
	rule.deny == {{"msg": "aws_opensearch_domain.this is not encrypted at rest", "resource": "aws_opensearch_domain.this", "path": ["encrypt_at_rest"], "fix": [{"op": "add_block", "path": [], "type": "encrypt_at_rest", "config": {"enabled": true}}]}} with input as {"resources": [{"address": "aws_opensearch_domain.this", "type": "aws_opensearch_domain", "name": "this", "config": {}, "references": []}]}
}

test_good_value_passes if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_opensearch_domain.this", "type": "aws_opensearch_domain", "name": "this", "config": {"encrypt_at_rest": [{"enabled": true}]}, "references": []}]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_opensearch_domain.this", "type": "aws_opensearch_domain", "name": "this", "config": {"encrypt_at_rest": [{"enabled": {"$unknown": "var.x"}}]}, "references": []}]}
}

test_unknown_block_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_opensearch_domain.this", "type": "aws_opensearch_domain", "name": "this", "config": {"encrypt_at_rest": {"$unknown": "var.x"}}, "references": []}]}
}

os_call(config) := {"address": "module.search", "source": "terraform-aws-modules/opensearch/aws", "config": config}

test_opaque_module_without_encryption_fires if {
	{f.path | some f in rule.deny} == {["encrypt_at_rest", "enabled"]} with input as {"resources": [], "modules": [os_call({"encrypt_at_rest": {"enabled": false}})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [os_call({}), os_call({"create": false, "encrypt_at_rest": {"enabled": false}})]}
}

es(config) := {"resources": [{"address": "aws_elasticsearch_domain.d", "type": "aws_elasticsearch_domain", "name": "d", "config": config, "references": []}]}

# Elasticsearch before 5.1 cannot be encrypted at rest: still reported, without a fix (AWS would
# reject the block the fix adds); the provider's default version is 1.5.
test_legacy_elasticsearch_fires_without_fix if {
	rule.deny == {{"msg": "aws_elasticsearch_domain.d is not encrypted at rest: Elasticsearch 1.5 (the provider's default) does not support it, upgrade to 5.1 or later", "resource": "aws_elasticsearch_domain.d", "path": ["encrypt_at_rest"]}} with input as es({})
	rule.deny == {{"msg": "aws_elasticsearch_domain.d is not encrypted at rest: Elasticsearch 2.3 does not support it, upgrade to 5.1 or later", "resource": "aws_elasticsearch_domain.d", "path": ["encrypt_at_rest", 0, "enabled"]}} with input as es({"elasticsearch_version": "2.3", "encrypt_at_rest": [{"enabled": false}]})
}

test_supported_elasticsearch_keeps_its_fix if {
	{f.fix | some f in rule.deny} == {[{"op": "add_block", "path": [], "type": "encrypt_at_rest", "config": {"enabled": true}}]} with input as es({"elasticsearch_version": "5.1"})
	{f.fix | some f in rule.deny} == {[{"op": "add_block", "path": [], "type": "encrypt_at_rest", "config": {"enabled": true}}]} with input as es({"elasticsearch_version": {"$unknown": "var.v"}})
}
