package palisade.aws.kinesis.resource_policy_public_test

import data.palisade.aws.kinesis.resource_policy_public as rule

holder(policy) := {"resources": [{
	"address": "aws_kinesis_resource_policy.p", "type": "aws_kinesis_resource_policy", "name": "p", "references": [],
	"config": {"resource_arn": "arn:aws:kinesis:eu-west-1:111122223333:stream/events", "policy": policy},
}]}

statement(extra) := object.union({"Effect": "Allow", "Action": ["kinesis:GetRecords"], "Resource": "*"}, extra)

test_anyone_fires if {
	some f in rule.deny with input as holder({"Statement": [statement({"Principal": "*"})]})
	f.path == ["policy"]
	count(rule.deny) == 1 with input as holder({"Statement": [statement({"Principal": {"AWS": ["arn:aws:iam::111122223333:root", "*"]}})]})
	count(rule.deny) == 1 with input as holder({"Statement": [statement({"Principal": "*", "Condition": {"StringNotEquals": {"aws:PrincipalAccount": "444455556666"}}})]})
}

test_named_scoped_or_unknown_passes if {
	count(rule.deny) == 0 with input as holder({"Statement": [statement({"Principal": {"AWS": "444455556666"}})]})
	count(rule.deny) == 0 with input as holder({"Statement": [statement({"Principal": "*", "Condition": {"StringEquals": {"aws:SourceAccount": "444455556666"}}})]})
	count(rule.deny) == 0 with input as holder({"$unknown": "data.aws_iam_policy_document.p.json"})
}
