package palisade.aws.eventbridge.bus_policy_public_test

import data.palisade.aws.eventbridge.bus_policy_public as rule

policy(statement) := {"address": "aws_cloudwatch_event_bus_policy.p", "type": "aws_cloudwatch_event_bus_policy", "name": "p", "config": {"event_bus_name": "orders", "policy": {"Version": "2012-10-17", "Statement": [statement]}}, "references": []}

permission(config) := {"address": "aws_cloudwatch_event_permission.p", "type": "aws_cloudwatch_event_permission", "name": "p", "config": object.union({"statement_id": "Anyone"}, config), "references": []}

test_public_policy_fires if {
	rule.deny == {{
		"msg": "the policy of aws_cloudwatch_event_bus_policy.p allows events:PutEvents to any principal",
		"resource": "aws_cloudwatch_event_bus_policy.p", "path": ["policy"],
		"related": [{"resource": "aws_cloudwatch_event_bus_policy.p", "path": ["policy", "Statement", 0, "Principal"], "msg": "open to any principal"}],
	}} with input as {"resources": [policy({"Effect": "Allow", "Principal": "*", "Action": "events:PutEvents", "Resource": "*"})]}
}

test_scoped_or_named_policy_passes if {
	count(rule.deny) == 0 with input as {"resources": [policy({"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "events:PutEvents"})]}
	count(rule.deny) == 0 with input as {"resources": [policy({"Effect": "Allow", "Principal": "*", "Action": "events:PutEvents", "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-abc"}}})]}
}

test_public_permission_fires if {
	rule.deny == {{"msg": "aws_cloudwatch_event_permission.p lets any AWS account call events:PutEvents on the event bus", "resource": "aws_cloudwatch_event_permission.p", "path": ["principal"]}} with input as {"resources": [permission({"principal": "*"})]}
}

test_permission_with_condition_or_account_passes if {
	condition := [{"key": "aws:PrincipalOrgID", "type": "StringEquals", "value": "o-abc"}]
	count(rule.deny) == 0 with input as {"resources": [permission({"principal": "*", "condition": condition})]}
	count(rule.deny) == 0 with input as {"resources": [permission({"principal": "111122223333"})]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [permission({"principal": {"$unknown": "var.principal"}})]}
	count(rule.deny) == 0 with input as {"resources": [permission({"principal": "*", "condition": {"$unknown": "var.condition"}})]}
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_cloudwatch_event_bus_policy.p", "type": "aws_cloudwatch_event_bus_policy", "name": "p", "config": {"policy": {"$unknown": "var.policy"}}, "references": []}]}
}
