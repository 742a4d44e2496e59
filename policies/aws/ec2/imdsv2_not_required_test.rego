package palisade.aws.ec2.imdsv2_not_required_test

import data.palisade.aws.ec2.imdsv2_not_required as rule

instance(config) := {"address": "aws_instance.web", "type": "aws_instance", "name": "web", "config": object.union({"ami": "ami-1"}, config), "references": []}

test_missing_block_fires_with_add_block if {
	rule.deny == {{
		"msg": "aws_instance.web does not require IMDSv2 (http_tokens = \"required\")",
		"resource": "aws_instance.web", "path": ["metadata_options"],
		"fix": [{"op": "add_block", "path": [], "type": "metadata_options", "config": {"http_tokens": "required"}}],
	}} with input as {"resources": [instance({})]}
}

test_optional_tokens_fire_with_set if {
	rule.deny == {{
		"msg": "aws_instance.web does not require IMDSv2 (http_tokens = \"required\")",
		"resource": "aws_instance.web", "path": ["metadata_options", 0, "http_tokens"],
		"fix": [{"op": "set", "path": ["metadata_options", 0, "http_tokens"], "value": "required"}],
	}} with input as {"resources": [instance({"metadata_options": [{"http_tokens": "optional"}]})]}
}

test_required_or_disabled_passes if {
	count(rule.deny) == 0 with input as {"resources": [instance({"metadata_options": [{"http_tokens": "required"}]})]}
	count(rule.deny) == 0 with input as {"resources": [instance({"metadata_options": [{"http_endpoint": "disabled"}]})]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [instance({"metadata_options": [{"http_tokens": {"$unknown": "var.tokens"}}]})]}
	count(rule.deny) == 0 with input as {"resources": [instance({"metadata_options": {"$unknown": "var.opts"}})]}
}
