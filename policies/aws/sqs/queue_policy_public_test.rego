package palisade.aws.sqs.queue_policy_public_test

import data.palisade.aws.sqs.queue_policy_public as rule

res(statement) := {"address": "aws_sqs_queue_policy.this", "type": "aws_sqs_queue_policy", "name": "this", "config": {"policy": {"Version": "2012-10-17", "Statement": [statement]}}, "references": []}

test_public_statement_fires if {
	rule.deny == {{
		"msg": "the policy of aws_sqs_queue_policy.this allows sqs:* to any principal",
		"resource": "aws_sqs_queue_policy.this", "path": ["policy"],
		"related": [{"resource": "aws_sqs_queue_policy.this", "path": ["policy", "Statement", 0, "Principal"], "msg": "open to any principal"}],
	}} with input as {"resources": [res({"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sqs:*"})]}
}

test_ip_condition_alone_still_fires if {
	count(rule.deny) == 1 with input as {"resources": [res({"Effect": "Allow", "Principal": "*", "Action": "sqs:*", "Condition": {"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}}})]}
}

test_named_or_scoped_principal_passes if {
	count(rule.deny) == 0 with input as {"resources": [res({"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "*"})]}
	count(rule.deny) == 0 with input as {"resources": [res({"Effect": "Allow", "Principal": "*", "Action": "*", "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-abc"}}})]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [res({"Effect": "Allow", "Principal": {"AWS": {"$unknown": "var.p"}}, "Action": "*"})]}
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_sqs_queue_policy.this", "type": "aws_sqs_queue_policy", "name": "this", "config": {"policy": {"$unknown": "var.doc"}}, "references": []}]}
}

sqs_call(config) := {"address": "module.q", "source": "terraform-aws-modules/sqs/aws", "config": config}

test_opaque_module_public_statement_fires if {
	statements := {"anyone": {"actions": ["sqs:SendMessage"], "principals": [{"type": "AWS", "identifiers": ["*"]}]}}
	some f in rule.deny with input as {"resources": [], "modules": [sqs_call({"create_queue_policy": true, "queue_policy_statements": statements})]}
	f.resource == "module.q"
	f.path == ["queue_policy_statements"]
	f.msg == "the policy of module.q allows sqs:SendMessage to any principal"
}

test_opaque_module_conditioned_scoped_or_unattached_statements_pass if {
	conditioned := {"sns": {"actions": ["sqs:SendMessage"], "principals": [{"type": "Service", "identifiers": ["sns.amazonaws.com"]}, {"type": "*", "identifiers": ["*"]}], "condition": [{"test": "ArnEquals", "variable": "aws:SourceArn", "values": ["arn:aws:sns:eu-west-1:111122223333:t"]}]}}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [sqs_call({"create_queue_policy": true, "queue_policy_statements": conditioned})]}
	account := {"acct": {"actions": ["sqs:*"], "principals": [{"type": "AWS", "identifiers": ["arn:aws:iam::111122223333:root"]}]}}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [sqs_call({"create_queue_policy": true, "queue_policy_statements": account})]}
	public := {"anyone": {"actions": ["sqs:SendMessage"], "principals": [{"type": "*", "identifiers": ["*"]}]}}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [sqs_call({"queue_policy_statements": public})]}
}
