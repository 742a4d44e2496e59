package palisade.aws.sns.topic_policy_allow_not_action_test

import data.palisade.aws.sns.topic_policy_allow_not_action as rule

bad := {"resources": [{"address": "aws_sns_topic_policy.this", "type": "aws_sns_topic_policy", "name": "this", "config": {"policy": {"Statement": [{"Effect": "Allow", "NotAction": "sns:DeleteTopic", "Resource": "*"}]}}, "references": []}]}

good_0 := {"resources": [{"address": "aws_sns_topic_policy.this", "type": "aws_sns_topic_policy", "name": "this", "config": {"policy": {"Statement": [{"Effect": "Allow", "Action": "sns:Publish", "Resource": "*"}]}}, "references": []}]}

good_1 := {"resources": [{"address": "aws_sns_topic_policy.this", "type": "aws_sns_topic_policy", "name": "this", "config": {"policy": {"Statement": [{"Effect": "Deny", "NotAction": "sns:Publish", "Resource": "*"}]}}, "references": []}]}

unknown_0 := {"resources": [{"address": "aws_sns_topic_policy.this", "type": "aws_sns_topic_policy", "name": "this", "config": {"policy": {"$unknown": "var.x"}}, "references": []}]}

unknown_1 := {"resources": [{"address": "aws_sns_topic_policy.this", "type": "aws_sns_topic_policy", "name": "this", "config": {"policy": {"Statement": [{"Effect": {"$unknown": "var.x"}, "NotAction": "sns:Publish"}]}}, "references": []}]}

test_fires if {
	rule.deny == {{"msg": "the policy of aws_sns_topic_policy.this allows every action except those listed in NotAction", "resource": "aws_sns_topic_policy.this", "path": ["policy"], "related": [{"resource": "aws_sns_topic_policy.this", "path": ["policy", "Statement", 0, "NotAction"], "msg": "Allow with NotAction"}]}} with input as bad
}

test_passes if {
	count(rule.deny) == 0 with input as good_0
	count(rule.deny) == 0 with input as good_1
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as unknown_0
	count(rule.deny) == 0 with input as unknown_1
}

# NotAction "*" excludes every action, so the Allow grants nothing.
test_not_action_star_passes if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_sns_topic_policy.this", "type": "aws_sns_topic_policy", "name": "this", "config": {"policy": {"Statement": [{"Effect": "Allow", "NotAction": "*", "Resource": "*"}]}}, "references": []}]}
}

# A topic policy's statements reach only SNS actions on the topic: NotAction "sns:*" (any case)
# leaves other services' actions, which do not act on it, so the Allow grants nothing there
# (review of round 37, s22/R3: the reasoning S3-010 and SQS-003 now share).
test_not_action_excluding_every_sns_action_passes if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_sns_topic_policy.this", "type": "aws_sns_topic_policy", "name": "this", "config": {"policy": {"Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "NotAction": ["SNS:*"], "Resource": "*"}]}}, "references": []}]}
	count(rule.deny) == 1 with input as {"resources": [{"address": "aws_sns_topic_policy.this", "type": "aws_sns_topic_policy", "name": "this", "config": {"policy": {"Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "NotAction": ["sns:DeleteTopic"], "Resource": "*"}]}}, "references": []}]}
}
