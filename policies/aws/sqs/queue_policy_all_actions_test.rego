package palisade.aws.sqs.queue_policy_all_actions_test

import data.palisade.aws.sqs.queue_policy_all_actions as rule

bad := {"resources": [{"address": "aws_sqs_queue_policy.this", "type": "aws_sqs_queue_policy", "name": "this", "config": {"policy": {"Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "sqs:*"}]}}, "references": []}]}

good_0 := {"resources": [{"address": "aws_sqs_queue_policy.this", "type": "aws_sqs_queue_policy", "name": "this", "config": {"policy": {"Statement": [{"Effect": "Allow", "Action": ["sqs:SendMessage", "sqs:ReceiveMessage"]}]}}, "references": []}]}

good_1 := {"resources": [{"address": "aws_sqs_queue_policy.this", "type": "aws_sqs_queue_policy", "name": "this", "config": {"policy": {"Statement": [{"Effect": "Deny", "Action": "*"}]}}, "references": []}]}

unknown_0 := {"resources": [{"address": "aws_sqs_queue_policy.this", "type": "aws_sqs_queue_policy", "name": "this", "config": {"policy": {"$unknown": "var.x"}}, "references": []}]}

unknown_1 := {"resources": [{"address": "aws_sqs_queue_policy.this", "type": "aws_sqs_queue_policy", "name": "this", "config": {"policy": {"Statement": [{"Effect": "Allow", "Action": {"$unknown": "var.x"}}]}}, "references": []}]}

also_bad_0 := {"resources": [{"address": "aws_sqs_queue_policy.this", "type": "aws_sqs_queue_policy", "name": "this", "config": {"policy": {"Statement": [{"Effect": "Allow", "Action": ["*"]}]}}, "references": []}]}

test_fires if {
	rule.deny == {{"msg": "the policy of aws_sqs_queue_policy.this allows all SQS actions", "resource": "aws_sqs_queue_policy.this", "path": ["policy"], "related": [{"resource": "aws_sqs_queue_policy.this", "path": ["policy", "Statement", 0, "Action"], "msg": "allows all actions"}]}} with input as bad
}

test_also_fires if {
	count(rule.deny) == 1 with input as also_bad_0
}

test_passes if {
	count(rule.deny) == 0 with input as good_0
	count(rule.deny) == 0 with input as good_1
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as unknown_0
	count(rule.deny) == 0 with input as unknown_1
}

test_opaque_module_statement_allowing_all_actions_fires if {
	statements := {"all": {"actions": ["sqs:*"], "principals": [{"type": "AWS", "identifiers": ["arn:aws:iam::111122223333:root"]}]}}
	m := {"address": "module.q", "source": "terraform-aws-modules/sqs/aws", "config": {"create_queue_policy": true, "queue_policy_statements": statements}}
	{f.path | some f in rule.deny} == {["queue_policy_statements"]} with input as {"resources": [], "modules": [m]}
	narrow := {"address": "module.q", "source": "terraform-aws-modules/sqs/aws", "config": {"create_queue_policy": true, "queue_policy_statements": {"send": {"actions": ["sqs:SendMessage"]}}}}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [narrow]}
}

# Allow with NotAction grants every action but the listed ones.
test_not_action_fires if {
	rule.deny == {{"msg": "the policy of aws_sqs_queue_policy.this allows every action except those listed in NotAction", "resource": "aws_sqs_queue_policy.this", "path": ["policy"], "related": [{"resource": "aws_sqs_queue_policy.this", "path": ["policy", "Statement", 0, "NotAction"], "msg": "Allow with NotAction"}]}} with input as {"resources": [{"address": "aws_sqs_queue_policy.this", "type": "aws_sqs_queue_policy", "name": "this", "config": {"policy": {"Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "NotAction": "sqs:Delete*"}]}}, "references": []}]}
}

# A Deny with NotAction, a NotAction of "*" (grants nothing) and an unknown NotAction stay quiet;
# a policy that also allows "*" gets the one all-actions finding.
test_not_action_passes if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_sqs_queue_policy.this", "type": "aws_sqs_queue_policy", "name": "this", "config": {"policy": {"Statement": [{"Effect": "Deny", "Principal": "*", "NotAction": "sqs:Get*"}]}}, "references": []}]}
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_sqs_queue_policy.this", "type": "aws_sqs_queue_policy", "name": "this", "config": {"policy": {"Statement": [{"Effect": "Allow", "NotAction": "*"}]}}, "references": []}]}
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_sqs_queue_policy.this", "type": "aws_sqs_queue_policy", "name": "this", "config": {"policy": {"Statement": [{"Effect": "Allow", "NotAction": {"$unknown": "var.x"}}]}}, "references": []}]}
	count(rule.deny) == 1 with input as {"resources": [{"address": "aws_sqs_queue_policy.this", "type": "aws_sqs_queue_policy", "name": "this", "config": {"policy": {"Statement": [{"Effect": "Allow", "Action": "*"}, {"Effect": "Allow", "NotAction": "sqs:Get*"}]}}, "references": []}]}
}

# A queue policy's statements act on the queue, which only SQS actions reach: an Allow whose
# NotAction lists "sqs:*" (any case) grants nothing there (review of round 37, s22/R3).
test_not_action_excluding_every_sqs_action_passes if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_sqs_queue_policy.this", "type": "aws_sqs_queue_policy", "name": "this", "config": {"policy": {"Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "NotAction": ["SQS:*"]}]}}, "references": []}]}
	count(rule.deny) == 1 with input as {"resources": [{"address": "aws_sqs_queue_policy.this", "type": "aws_sqs_queue_policy", "name": "this", "config": {"policy": {"Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "NotAction": ["sqs:DeleteQueue"]}]}}, "references": []}]}
}
