package palisade.aws.cloudformation.stack_without_template_test

import data.palisade.aws.cloudformation.stack_without_template as rule

test_fires_without_template if {
	rule.deny == {{"msg": "aws_cloudformation_stack.network has no template (template_body or template_url)", "resource": "aws_cloudformation_stack.network", "path": []}} with input as {"resources": [{"address": "aws_cloudformation_stack.network", "type": "aws_cloudformation_stack", "name": "network", "config": {"name": "network"}, "references": []}]}
}

test_passes_with_body if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_cloudformation_stack.network", "type": "aws_cloudformation_stack", "name": "network", "config": {"template_body": "{}"}, "references": []}]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_cloudformation_stack.network", "type": "aws_cloudformation_stack", "name": "network", "config": {"template_url": {"$unknown": "var.x"}}, "references": []}]}
}
