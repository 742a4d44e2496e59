package palisade.aws.opensearch.fine_grained_access_control_disabled_test

import data.palisade.aws.opensearch.fine_grained_access_control_disabled as rule

domain(t, config) := {"resources": [{"address": sprintf("%s.this", [t]), "type": t, "name": "this", "config": config, "references": []}]}

test_missing_block_fires if {
	rule.deny == {{"msg": "aws_opensearch_domain.this does not enable fine-grained access control", "resource": "aws_opensearch_domain.this", "path": ["advanced_security_options"]}} with input as domain("aws_opensearch_domain", {"engine_version": "OpenSearch_2.11"})
}

# cloudposse's elasticsearch module: the block is written, enabled comes from a false default.
test_disabled_fires if {
	rule.deny == {{"msg": "aws_elasticsearch_domain.this does not enable fine-grained access control", "resource": "aws_elasticsearch_domain.this", "path": ["advanced_security_options", 0, "enabled"]}} with input as domain("aws_elasticsearch_domain", {"elasticsearch_version": "7.4", "advanced_security_options": [{"enabled": false, "internal_user_database_enabled": false}]})
}

test_anonymous_auth_fires if {
	rule.deny == {{"msg": "aws_opensearch_domain.this lets anonymous requests through fine-grained access control", "resource": "aws_opensearch_domain.this", "path": ["advanced_security_options", 0, "anonymous_auth_enabled"]}} with input as domain("aws_opensearch_domain", {"advanced_security_options": [{"enabled": true, "anonymous_auth_enabled": true}]})
}

# Elasticsearch before 6.7 (and the provider's 1.5 default) cannot enable it: the message says so.
test_old_elasticsearch_names_upgrade if {
	rule.deny == {{"msg": "aws_elasticsearch_domain.this does not enable fine-grained access control: Elasticsearch 6.5 does not offer it, upgrade to 6.7 or later", "resource": "aws_elasticsearch_domain.this", "path": ["advanced_security_options"]}} with input as domain("aws_elasticsearch_domain", {"elasticsearch_version": "6.5"})
}

test_enabled_passes if {
	count(rule.deny) == 0 with input as domain("aws_opensearch_domain", {"advanced_security_options": [{"enabled": true, "master_user_options": [{"master_user_arn": "arn:aws:iam::111122223333:role/admin"}]}]})
	count(rule.deny) == 0 with input as domain("aws_elasticsearch_domain", {"elasticsearch_version": "7.10", "advanced_security_options": [{"enabled": true, "anonymous_auth_enabled": false}]})
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as domain("aws_opensearch_domain", {"advanced_security_options": {"$unknown": "var.x"}})
	count(rule.deny) == 0 with input as domain("aws_opensearch_domain", {"advanced_security_options": [{"enabled": {"$unknown": "var.enabled"}}]})
	count(rule.deny) == 0 with input as domain("aws_opensearch_domain", {"advanced_security_options": [{"enabled": true, "anonymous_auth_enabled": {"$unknown": "var.anon"}}]})
}

os_call(config) := {"address": "module.search", "source": "terraform-aws-modules/opensearch/aws", "config": config}

test_opaque_module_disabled_fires if {
	{f.path | some f in rule.deny} == {["advanced_security_options", "enabled"]} with input as {"resources": [], "modules": [os_call({"advanced_security_options": {"enabled": false}})]}
	{f.path | some f in rule.deny} == {["advanced_security_options"]} with input as {"resources": [], "modules": [os_call({"advanced_security_options": {}})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [os_call({})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [os_call({"advanced_security_options": {"enabled": true}})]}
}
