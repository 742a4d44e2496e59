package palisade.aws.sns.topic_policy_public_test

import data.palisade.aws.sns.topic_policy_public as rule

res(statement) := {"address": "aws_sns_topic_policy.this", "type": "aws_sns_topic_policy", "name": "this", "config": {"policy": {"Version": "2012-10-17", "Statement": [statement]}}, "references": []}

test_public_statement_fires if {
	rule.deny == {{
		"msg": "the policy of aws_sns_topic_policy.this allows sns:Publish to any principal",
		"resource": "aws_sns_topic_policy.this", "path": ["policy"],
		"related": [{"resource": "aws_sns_topic_policy.this", "path": ["policy", "Statement", 0, "Principal"], "msg": "open to any principal"}],
	}} with input as {"resources": [res({"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sns:Publish"})]}
}

test_ip_condition_alone_still_fires if {
	count(rule.deny) == 1 with input as {"resources": [res({"Effect": "Allow", "Principal": "*", "Action": "sns:Publish", "Condition": {"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}}})]}
}

test_named_or_scoped_principal_passes if {
	count(rule.deny) == 0 with input as {"resources": [res({"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "*"})]}
	count(rule.deny) == 0 with input as {"resources": [res({"Effect": "Allow", "Principal": "*", "Action": "*", "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-abc"}}})]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [res({"Effect": "Allow", "Principal": {"AWS": {"$unknown": "var.p"}}, "Action": "*"})]}
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_sns_topic_policy.this", "type": "aws_sns_topic_policy", "name": "this", "config": {"policy": {"$unknown": "var.doc"}}, "references": []}]}
}

test_opaque_module_public_statement_fires if {
	statements := {"pub": {"actions": ["sns:Subscribe"], "principals": [{"type": "*", "identifiers": ["*"]}]}}
	m := {"address": "module.t", "source": "terraform-aws-modules/sns/aws", "config": {"topic_policy_statements": statements}}
	{f.path | some f in rule.deny} == {["topic_policy_statements"]} with input as {"resources": [], "modules": [m]}
	off := {"address": "module.t", "source": "terraform-aws-modules/sns/aws", "config": {"create_topic_policy": false, "topic_policy_statements": statements}}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [off]}
}

# topic_policy_statements given as a list (the module's for_each accepts one) is read too.
test_opaque_module_statement_list_fires if {
	statements := [{"actions": ["sns:Publish"], "principals": [{"type": "AWS", "identifiers": ["*"]}]}]
	m := {"address": "module.t", "source": "terraform-aws-modules/sns/aws", "config": {"topic_policy_statements": statements}}
	{f.path | some f in rule.deny} == {["topic_policy_statements"]} with input as {"resources": [], "modules": [m]}
}
