package palisade.aws.sns.subscription_http_endpoint_test

import data.palisade.aws.sns.subscription_http_endpoint as rule

sub(config) := {"address": "aws_sns_topic_subscription.hook", "type": "aws_sns_topic_subscription", "name": "hook", "config": config, "references": []}

test_http_fires if {
	rule.deny == {{
		"msg": "aws_sns_topic_subscription.hook delivers the topic's messages over plain HTTP",
		"resource": "aws_sns_topic_subscription.hook", "path": ["protocol"],
	}} with input as {"resources": [sub({"protocol": "http", "endpoint": "http://hooks.example.com/sns"})]}
	count(rule.deny) == 1 with input as {"resources": [sub({"protocol": "HTTP", "endpoint": "http://hooks.example.com/sns"})]}
}

test_https_other_protocols_and_unknown_pass if {
	count(rule.deny) == 0 with input as {"resources": [sub({"protocol": "https", "endpoint": "https://hooks.example.com/sns"})]}
	count(rule.deny) == 0 with input as {"resources": [sub({"protocol": "sqs", "endpoint": "arn:aws:sqs:us-east-1:111122223333:q"})]}
	count(rule.deny) == 0 with input as {"resources": [sub({"protocol": {"$unknown": "var.protocol"}})]}
}
