package palisade.aws.cloudwatch.log_destination_policy_public_test

import data.palisade.aws.cloudwatch.log_destination_policy_public as rule

destination_policy(statement) := {"address": "aws_cloudwatch_log_destination_policy.this", "type": "aws_cloudwatch_log_destination_policy", "name": "this", "config": {"destination_name": "central", "access_policy": {"Version": "2012-10-17", "Statement": [statement]}}, "references": []}

open_statement := {"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "logs:PutSubscriptionFilter", "Resource": "arn:aws:logs:eu-west-1:111122223333:destination:central"}

test_fires if {
	rule.deny == {{"msg": "the access policy of aws_cloudwatch_log_destination_policy.this allows logs:PutSubscriptionFilter to any account", "resource": "aws_cloudwatch_log_destination_policy.this", "path": ["access_policy"], "related": [{"resource": "aws_cloudwatch_log_destination_policy.this", "path": ["access_policy", "Statement", 0, "Principal"], "msg": "open to any principal"}]}} with input as {"resources": [destination_policy(open_statement)]}
}

test_passes if {
	count(rule.deny) == 0 with input as {"resources": [destination_policy(object.union(open_statement, {"Principal": {"AWS": "444455556666"}}))]}
	count(rule.deny) == 0 with input as {"resources": [destination_policy(object.union(open_statement, {"Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}}))]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_cloudwatch_log_destination_policy.this", "type": "aws_cloudwatch_log_destination_policy", "name": "this", "config": {"access_policy": {"$unknown": "var.policy"}}, "references": []}]}
	count(rule.deny) == 0 with input as {"resources": [destination_policy(object.union(open_statement, {"Principal": {"AWS": {"$unknown": "var.sender"}}}))]}
}
