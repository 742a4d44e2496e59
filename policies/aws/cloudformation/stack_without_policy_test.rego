package palisade.aws.cloudformation.stack_without_policy_test

import data.palisade.aws.cloudformation.stack_without_policy as rule

test_fires_without_policy if {
	rule.warn == {{"msg": "aws_cloudformation_stack.network has no stack policy protecting its resources from updates", "resource": "aws_cloudformation_stack.network", "path": ["policy_body"], "fix": [{"op": "set", "path": ["policy_body"], "value": {"$expr": "jsonencode({\n    Statement = [\n      { Effect = \"Allow\", Action = \"Update:*\", Principal = \"*\", Resource = \"*\" },\n      { Effect = \"Deny\", Action = [\"Update:Replace\", \"Update:Delete\"], Principal = \"*\", Resource = \"*\" },\n    ]\n  })"}}]}} with input as {"resources": [{"address": "aws_cloudformation_stack.network", "type": "aws_cloudformation_stack", "name": "network", "config": {"name": "network", "template_url": "https://x"}, "references": []}]}
}

test_passes_with_policy_url if {
	count(rule.warn) == 0 with input as {"resources": [{"address": "aws_cloudformation_stack.network", "type": "aws_cloudformation_stack", "name": "network", "config": {"policy_url": "https://x/policy.json"}, "references": []}]}
}

test_unknown_does_not_fire if {
	count(rule.warn) == 0 with input as {"resources": [{"address": "aws_cloudformation_stack.network", "type": "aws_cloudformation_stack", "name": "network", "config": {"policy_body": {"$unknown": "var.x"}}, "references": []}]}
}
