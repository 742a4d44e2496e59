package palisade.aws.opensearch.serverless_encryption_aws_owned_key_test

import data.palisade.aws.opensearch.serverless_encryption_aws_owned_key as rule

sp(type, policy) := {"address": "aws_opensearchserverless_security_policy.e", "type": "aws_opensearchserverless_security_policy", "name": "e", "config": {"name": "kb", "type": type, "policy": policy}, "references": []}

rules := [{"ResourceType": "collection", "Resource": ["collection/kb"]}]

test_aws_owned_key_fires if {
	rule.deny == {{"msg": "aws_opensearchserverless_security_policy.e encrypts its collections with an AWS owned key instead of a customer managed key", "resource": "aws_opensearchserverless_security_policy.e", "path": ["policy", "AWSOwnedKey"]}} with input as {"resources": [sp("encryption", {"Rules": rules, "AWSOwnedKey": true})]}
}

test_json_text_fires if {
	text := "{\"Rules\": [{\"ResourceType\": \"collection\", \"Resource\": [\"collection/kb\"]}], \"AWSOwnedKey\": true}"
	count(rule.deny) == 1 with input as {"resources": [sp("encryption", text)]}
	decoded := {"Rules": [{"ResourceType": "collection", "Resource": [{"$unknown": "collection/${var.name}"}]}], "AWSOwnedKey": true}
	count(rule.deny) == 1 with input as {"resources": [sp("encryption", decoded)]}
}

test_cmk_or_network_passes if {
	count(rule.deny) == 0 with input as {"resources": [sp("encryption", {"Rules": rules, "AWSOwnedKey": false, "KmsARN": "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"})]}
	count(rule.deny) == 0 with input as {"resources": [sp("network", [{"Rules": rules, "AllowFromPublic": true}])]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [sp("encryption", {"Rules": rules, "AWSOwnedKey": {"$unknown": "var.aws_owned"}})]}
	count(rule.deny) == 0 with input as {"resources": [sp("encryption", {"$unknown": "var.policy"})]}
	count(rule.deny) == 0 with input as {"resources": [sp({"$unknown": "var.type"}, {"Rules": rules, "AWSOwnedKey": true})]}
}
