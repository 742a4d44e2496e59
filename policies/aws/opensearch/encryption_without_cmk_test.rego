package palisade.aws.opensearch.encryption_without_cmk_test

import data.palisade.aws.opensearch.encryption_without_cmk as rule

bad := {"resources": [{"address": "aws_opensearch_domain.this", "type": "aws_opensearch_domain", "name": "this", "config": {"encrypt_at_rest": [{"enabled": true}]}, "references": []}]}

good_0 := {"resources": [{"address": "aws_opensearch_domain.this", "type": "aws_opensearch_domain", "name": "this", "config": {"encrypt_at_rest": [{"enabled": true, "kms_key_id": "k"}]}, "references": []}]}

good_1 := {"resources": [{"address": "aws_opensearch_domain.this", "type": "aws_opensearch_domain", "name": "this", "config": {"encrypt_at_rest": [{"enabled": false}]}, "references": []}]}

unknown_0 := {"resources": [{"address": "aws_opensearch_domain.this", "type": "aws_opensearch_domain", "name": "this", "config": {"encrypt_at_rest": [{"enabled": true, "kms_key_id": {"$unknown": "var.x"}}]}, "references": []}]}

unknown_1 := {"resources": [{"address": "aws_opensearch_domain.this", "type": "aws_opensearch_domain", "name": "this", "config": {"encrypt_at_rest": [{"enabled": {"$unknown": "var.x"}}]}, "references": []}]}

test_fires if {
	rule.deny == {{"msg": "aws_opensearch_domain.this encrypts data at rest with the AWS managed key instead of a customer managed key", "resource": "aws_opensearch_domain.this", "path": ["encrypt_at_rest", 0], "fix": [{"config": {"deletion_window_in_days": 30, "description": "Customer managed key for aws_opensearch_domain.this", "enable_key_rotation": true}, "name": "this", "op": "add_resource", "type": "aws_kms_key"}, {"op": "set", "path": ["encrypt_at_rest", 0, "kms_key_id"], "value": {"$expr": "aws_kms_key.this.arn"}}]}} with input as bad
}

test_passes if {
	count(rule.deny) == 0 with input as good_0
	count(rule.deny) == 0 with input as good_1
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as unknown_0
	count(rule.deny) == 0 with input as unknown_1
}

os_call(config) := {"address": "module.search", "source": "terraform-aws-modules/opensearch/aws", "config": config}

test_opaque_module_with_the_aws_managed_key_fires if {
	rule.deny == {{"msg": "module.search encrypts data at rest with the AWS managed key instead of a customer managed key", "resource": "module.search", "path": ["encrypt_at_rest"]}} with input as {"resources": [], "modules": [os_call({})]}
	count(rule.deny) == 1 with input as {"resources": [], "modules": [os_call({"encrypt_at_rest": {"enabled": true}})]}
}

test_opaque_module_with_a_key_or_unencrypted_passes if {
	count(rule.deny) == 0 with input as {"resources": [], "modules": [os_call({"encrypt_at_rest": {"enabled": true, "kms_key_id": "arn:aws:kms:eu-west-1:111122223333:key/x"}})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [os_call({"encrypt_at_rest": {"enabled": false}}), os_call({"encrypt_at_rest": {"$unknown": "var.e"}}), os_call({"create": false})]}
}

test_empty_key_is_no_key if {
	count(rule.deny) == 1 with input as {"resources": [{"address": "aws_opensearch_domain.this", "type": "aws_opensearch_domain", "name": "this", "config": {"encrypt_at_rest": [{"enabled": true, "kms_key_id": ""}]}, "references": []}]}
	count(rule.deny) == 1 with input as {"resources": [], "modules": [os_call({"encrypt_at_rest": {"enabled": true, "kms_key_id": ""}})]}
}

# Round 38 second part (Conformity "ElasticSearch Domain Encrypted with KMS CMKs"): the AWS managed
# key named explicitly is still the AWS managed key.
named_key(key, references) := {"address": "aws_opensearch_domain.this", "type": "aws_opensearch_domain", "name": "this", "config": {"encrypt_at_rest": [{"enabled": true, "kms_key_id": key}]}, "references": references}

es_alias := {"address": "data.aws_kms_key.es", "type": "aws_kms_key", "mode": "data", "name": "es", "config": {"key_id": "alias/aws/es"}, "references": []}

key_ops := [{"config": {"deletion_window_in_days": 30, "description": "Customer managed key for aws_opensearch_domain.this", "enable_key_rotation": true}, "name": "this", "op": "add_resource", "type": "aws_kms_key"}]

test_aws_managed_key_named_explicitly_fires if {
	msg := "aws_opensearch_domain.this encrypts data at rest with the AWS managed key aws/es instead of a customer managed key"
	path := ["encrypt_at_rest", 0, "kms_key_id"]
	set := {"op": "set", "path": path, "value": {"$expr": "aws_kms_key.this.arn"}}
	finding := {"msg": msg, "resource": "aws_opensearch_domain.this", "path": path, "fix": array.concat(key_ops, [set])}
	rule.deny == {finding} with input as {"resources": [named_key("alias/aws/es", [])]}
	rule.deny == {finding} with input as {"resources": [named_key("arn:aws:kms:us-east-1:111122223333:alias/aws/es", [])]}
	ref := [{"path": path, "target": "data.aws_kms_key.es"}]
	replaced := object.union(set, {"replaces": "data.aws_kms_key.es.arn"})
	by_data := object.union(finding, {"fix": array.concat(key_ops, [replaced])})
	rule.deny == {by_data} with input as {"resources": [named_key({"$unknown": "data.aws_kms_key.es.arn"}, ref)], "data": [es_alias]}
}

test_customer_managed_key_named_passes if {
	count(rule.deny) == 0 with input as {"resources": [named_key("alias/search-data", [])]}
	cmk := {"address": "data.aws_kms_key.mine", "type": "aws_kms_key", "mode": "data", "name": "mine", "config": {"key_id": "alias/search-data"}, "references": []}
	ref := [{"path": ["encrypt_at_rest", 0, "kms_key_id"], "target": "data.aws_kms_key.mine"}]
	count(rule.deny) == 0 with input as {"resources": [named_key({"$unknown": "data.aws_kms_key.mine.arn"}, ref)], "data": [cmk]}
}
