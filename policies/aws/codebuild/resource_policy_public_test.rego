package palisade.aws.codebuild.resource_policy_public_test

import data.palisade.aws.codebuild.resource_policy_public as rule

holder(policy) := {"resources": [{
	"address": "aws_codebuild_resource_policy.p", "type": "aws_codebuild_resource_policy", "name": "p", "references": [],
	"config": {"resource_arn": "arn:aws:example", "policy": policy},
}]}

statement(extra) := object.union({"Effect": "Allow", "Action": ["codebuild:BatchGetBuilds"]}, extra)

test_anyone_fires if {
	some f in rule.deny with input as holder({"Statement": [statement({"Principal": "*"})]})
	f.path == ["policy"]
	count(rule.deny) == 1 with input as holder({"Statement": [statement({"Principal": {"AWS": ["*"]}})]})
	count(rule.deny) == 1 with input as holder({"Statement": [statement({"NotPrincipal": {"AWS": "444455556666"}})]})
}

test_named_scoped_or_unknown_passes if {
	count(rule.deny) == 0 with input as holder({"Statement": [statement({"Principal": {"AWS": ["444455556666"]}})]})
	count(rule.deny) == 0 with input as holder({"Statement": [statement({"Principal": "*", "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-1"}}})]})
	count(rule.deny) == 0 with input as holder({"Statement": [statement({"Effect": "Deny", "Principal": "*"})]})
	count(rule.deny) == 0 with input as holder({"$unknown": "var.policy"})
}
