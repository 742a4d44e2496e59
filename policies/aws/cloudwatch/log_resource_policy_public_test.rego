package palisade.aws.cloudwatch.log_resource_policy_public_test

import data.palisade.aws.cloudwatch.log_resource_policy_public as rule

log_policy(statement) := {"address": "aws_cloudwatch_log_resource_policy.this", "type": "aws_cloudwatch_log_resource_policy", "name": "this", "config": {"policy_name": "delivery", "policy_document": {"Version": "2012-10-17", "Statement": [statement]}}, "references": []}

open_statement := {"Effect": "Allow", "Principal": "*", "Action": ["logs:CreateLogStream", "logs:PutLogEvents"], "Resource": "arn:aws:logs:eu-west-1:111122223333:log-group:/aws/events/*:*"}

test_fires if {
	rule.deny == {{"msg": "the CloudWatch Logs resource policy aws_cloudwatch_log_resource_policy.this allows logs:CreateLogStream, logs:PutLogEvents to any account", "resource": "aws_cloudwatch_log_resource_policy.this", "path": ["policy_document"], "related": [{"resource": "aws_cloudwatch_log_resource_policy.this", "path": ["policy_document", "Statement", 0, "Principal"], "msg": "open to any principal"}]}} with input as {"resources": [log_policy(open_statement)]}
	count(rule.deny) == 1 with input as {"resources": [log_policy(object.union(open_statement, {"Principal": {"AWS": "*"}}))]}
}

# The usual policies name a service, or scope the statement to the account or source.
test_passes if {
	count(rule.deny) == 0 with input as {"resources": [log_policy(object.union(open_statement, {"Principal": {"Service": ["events.amazonaws.com", "delivery.logs.amazonaws.com"]}}))]}
	count(rule.deny) == 0 with input as {"resources": [log_policy(object.union(open_statement, {"Condition": {"StringEquals": {"aws:SourceAccount": "111122223333"}}}))]}
	count(rule.deny) == 0 with input as {"resources": [log_policy(object.union(open_statement, {"Effect": "Deny"}))]}
}

# An IP condition says where a call comes from, not who makes it.
test_ip_condition_does_not_scope if {
	count(rule.deny) == 1 with input as {"resources": [log_policy(object.union(open_statement, {"Condition": {"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}}}))]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_cloudwatch_log_resource_policy.this", "type": "aws_cloudwatch_log_resource_policy", "name": "this", "config": {"policy_document": {"$unknown": "data.aws_iam_policy_document.logs.json"}}, "references": []}]}
	count(rule.deny) == 0 with input as {"resources": [log_policy(object.union(open_statement, {"Principal": {"AWS": {"$unknown": "var.sender"}}}))]}
}
