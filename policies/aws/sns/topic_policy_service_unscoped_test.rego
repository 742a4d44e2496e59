package palisade.aws.sns.topic_policy_service_unscoped_test

import data.palisade.aws.sns.topic_policy_service_unscoped as rule

res(statement) := {"address": "aws_sns_topic_policy.this", "type": "aws_sns_topic_policy", "name": "this", "config": {"policy": {"Version": "2012-10-17", "Statement": [statement]}}, "references": []}

# cisagov's CDM topic: CloudTrail may publish, for any account's trail.
test_service_without_source_condition_fires if {
	rule.deny == {{
		"msg": "the policy of aws_sns_topic_policy.this lets cloudtrail.amazonaws.com publish for any account (no aws:SourceArn or aws:SourceAccount condition)",
		"resource": "aws_sns_topic_policy.this", "path": ["policy"],
		"related": [{"resource": "aws_sns_topic_policy.this", "path": ["policy", "Statement", 0, "Principal"], "msg": "service principal without a source condition"}],
	}} with input as {"resources": [res({"Effect": "Allow", "Principal": {"Service": ["cloudtrail.amazonaws.com"]}, "Action": ["sns:Publish"], "Resource": "arn:aws:sns:us-east-1:111122223333:t"})]}
}

# Actions are case-insensitive (the MoJ unit test writes SNS:Publish); an inline topic policy counts.
test_inline_topic_policy_and_action_case if {
	topic := {"address": "aws_sns_topic.t", "type": "aws_sns_topic", "name": "t", "references": [], "config": {"policy": {"Statement": [{"Effect": "Allow", "Principal": {"Service": "s3.amazonaws.com"}, "Action": "SNS:Publish"}]}}}
	count(rule.deny) == 1 with input as {"resources": [topic]}
}

test_source_condition_passes if {
	some key in ["aws:SourceArn", "aws:SourceAccount", "aws:SourceOrgID", "aws:SourceOwner"]
	count(rule.deny) == 0 with input as {"resources": [res({"Effect": "Allow", "Principal": {"Service": "events.amazonaws.com"}, "Action": "sns:Publish", "Condition": {"ArnLike": {key: "arn:aws:events:us-east-1:111122223333:rule/r"}}})]}
}

test_unknown_condition_value_passes if {
	count(rule.deny) == 0 with input as {"resources": [res({"Effect": "Allow", "Principal": {"Service": "s3.amazonaws.com"}, "Action": "sns:Publish", "Condition": {"ArnEquals": {"aws:SourceArn": {"$unknown": "aws_s3_bucket.b.arn"}}}})]}
}

# Not this rule's: account principals, "*" (PAL-AWS-SNS-002), Deny, other actions, unknown services.
test_other_statements_pass if {
	count(rule.deny) == 0 with input as {"resources": [res({"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "sns:Publish"})]}
	count(rule.deny) == 0 with input as {"resources": [res({"Effect": "Allow", "Principal": "*", "Action": "sns:Publish"})]}
	count(rule.deny) == 0 with input as {"resources": [res({"Effect": "Deny", "Principal": {"Service": "s3.amazonaws.com"}, "Action": "sns:Publish"})]}
	count(rule.deny) == 0 with input as {"resources": [res({"Effect": "Allow", "Principal": {"Service": "s3.amazonaws.com"}, "Action": "sns:Subscribe"})]}
	count(rule.deny) == 0 with input as {"resources": [res({"Effect": "Allow", "Principal": {"Service": {"$unknown": "var.service"}}, "Action": "sns:Publish"})]}
}
