package palisade.aws.sns.topic_not_encrypted_test

import data.palisade.aws.sns.topic_not_encrypted as rule

test_missing_fires if {
	rule.deny == {{"msg": "aws_sns_topic.this is not encrypted with KMS", "resource": "aws_sns_topic.this", "path": ["kms_master_key_id"], "fix": [{"op": "set", "path": ["kms_master_key_id"], "value": "alias/aws/sns"}]}} with input as {"resources": [{"address": "aws_sns_topic.this", "type": "aws_sns_topic", "name": "this", "config": {}, "references": []}]}
}

test_present_passes if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_sns_topic.this", "type": "aws_sns_topic", "name": "this", "config": {"kms_master_key_id": "alias/aws/sns"}, "references": []}]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_sns_topic.this", "type": "aws_sns_topic", "name": "this", "config": {"kms_master_key_id": {"$unknown": "var.x"}}, "references": []}]}
}

test_empty_key_fires if {
	count(rule.deny) == 1 with input as {"resources": [{"address": "aws_sns_topic.this", "type": "aws_sns_topic", "name": "this", "config": {"kms_master_key_id": ""}, "references": []}]}
}

call(config) := {"address": "module.t", "source": "terraform-aws-modules/sns/aws", "config": config}

test_opaque_module_without_key_fires if {
	rule.deny == {{
		"msg": "module.t is not encrypted with KMS", "resource": "module.t", "path": ["kms_master_key_id"],
		"fix": [{"op": "set", "path": ["kms_master_key_id"], "value": "alias/aws/sns"}],
	}} with input as {"resources": [], "modules": [call({"name": "alerts"})]}
	count(rule.deny) == 1 with input as {"resources": [], "modules": [call({"kms_master_key_id": ""})]}
}

test_opaque_module_with_key_or_switched_off_passes if {
	count(rule.deny) == 0 with input as {"resources": [], "modules": [call({"kms_master_key_id": "alias/aws/sns"})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [call({"kms_master_key_id": {"$unknown": "module.kms.key_arn"}})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [call({"create_sns_topic": false}), call({"create": false})]}
}

topic := {"address": "aws_sns_topic.t", "type": "aws_sns_topic", "name": "t", "config": {}, "references": []}

publisher(type, path) := {"address": concat(".", [type, "p"]), "type": type, "name": "p", "config": {}, "references": [{"path": path, "target": "aws_sns_topic.t", "attribute": "arn"}]}

# A service publishing to the topic cannot use the AWS managed key: the finding stays, no fix.
test_service_published_topic_fires_without_fix if {
	some p in [
		publisher("aws_cloudtrail", ["sns_topic_name"]),
		publisher("aws_cloudwatch_metric_alarm", ["alarm_actions", 0]),
		publisher("aws_cloudwatch_event_target", ["arn"]),
		publisher("aws_s3_bucket_notification", ["topic", 0, "topic_arn"]),
		publisher("aws_db_event_subscription", ["sns_topic"]),
	]
	findings := rule.deny with input as {"resources": [topic, p]}
	count(findings) == 1
	every f in findings {
		f.resource == "aws_sns_topic.t"
		not f.fix
	}
}

# A subscription or a topic policy is no publisher: the fix is offered.
test_subscriber_keeps_fix if {
	sub := {"address": "aws_sns_topic_subscription.s", "type": "aws_sns_topic_subscription", "name": "s", "config": {}, "references": [{"path": ["topic_arn"], "target": "aws_sns_topic.t", "attribute": "arn"}]}
	findings := rule.deny with input as {"resources": [topic, sub]}
	count(findings) == 1
	every f in findings {
		f.fix
	}
}

test_module_topic_published_by_alarm_has_no_fix if {
	alarm := {"address": "aws_cloudwatch_metric_alarm.a", "type": "aws_cloudwatch_metric_alarm", "name": "a", "config": {}, "references": [{"path": ["alarm_actions", 0], "target": "module.t", "attribute": "topic_arn"}]}
	findings := rule.deny with input as {"resources": [alarm], "modules": [call({"name": "alerts"})]}
	count(findings) == 1
	every f in findings {
		not f.fix
	}
}

# AWS Config cannot notify an encrypted topic: the delivery channel's topic is not reported, with
# or without a key-capable publisher beside it; a topic the channel does not name still is.
test_config_delivery_topic_not_reported if {
	channel := {"address": "aws_config_delivery_channel.bucket[0]", "type": "aws_config_delivery_channel", "name": "bucket", "config": {}, "references": [{"path": ["sns_topic_arn"], "target": "aws_sns_topic.t[0]", "attribute": "arn"}]}
	counted := json.patch(topic, [{"op": "replace", "path": "/address", "value": "aws_sns_topic.t[0]"}])
	count(rule.deny) == 0 with input as {"resources": [counted, channel]}
	count(rule.deny) == 0 with input as {"resources": [counted, channel, publisher("aws_cloudtrail", ["sns_topic_name"])]}
	other := {"address": "aws_sns_topic.other", "type": "aws_sns_topic", "name": "other", "config": {}, "references": []}
	count(rule.deny) == 1 with input as {"resources": [counted, channel, other]}
}

# The publisher sits in a child module and reads the topic from a variable its caller sets
# (terraform-aws-guardduty-notifications' event targets; held-out s17/h2): no fix either.
test_topic_passed_into_a_publishing_module_has_no_fix if {
	target := {
		"address": "module.n.aws_cloudwatch_event_target.slack[0]", "module": "module.n", "type": "aws_cloudwatch_event_target", "name": "slack",
		"config": {"arn": {"$unknown": "var.sns_topic_slack_arn"}}, "references": [],
	}
	n := {"address": "module.n", "source": "../../", "dir": "/x", "config": {"sns_topic_slack_arn": {"$unknown": "aws_sns_topic.t.arn"}}}
	findings := rule.deny with input as {"resources": [topic, target], "modules": [n]}
	count(findings) == 1
	every f in findings {
		not f.fix
	}

	# The same module fed another topic: this one keeps its fix.
	other := json.patch(n, [{"op": "replace", "path": "/config/sns_topic_slack_arn", "value": {"$unknown": "aws_sns_topic.other.arn"}}])
	fixed := rule.deny with input as {"resources": [topic, target], "modules": [other]}
	count(fixed) == 1
	every f in fixed {
		f.fix
	}
}

# An opaque module call creating alarms (terraform-aws-modules' cloudwatch cis-alarms, held-out
# s20/H6) is given the topic in alarm_actions: CloudWatch publishes to it, so no fix; a call given
# another topic, or the topic in an argument that is not an alarm action, leaves the fix.
test_topic_in_an_opaque_alarm_module_has_no_fix if {
	cis := {"address": "module.cis_alarms", "source": "terraform-aws-modules/cloudwatch/aws//modules/cis-alarms", "config": {"alarm_actions": [{"$unknown": "aws_sns_topic.t.arn"}]}}
	findings := rule.deny with input as {"resources": [topic], "modules": [cis]}
	count(findings) == 1
	every f in findings {
		not f.fix
	}
	other := {"address": "module.cis_alarms", "source": "terraform-aws-modules/cloudwatch/aws//modules/cis-alarms", "config": {"ok_actions": [{"$unknown": "aws_sns_topic.other.arn"}], "description": {"$unknown": "aws_sns_topic.t.arn"}}}
	fixed := rule.deny with input as {"resources": [topic], "modules": [other]}
	count(fixed) == 1
	every f in fixed {
		f.fix
	}
}

# Review s20/R3's open items. An opaque module given the topic in an argument named for a topic
# (`sns_topic_arn`, `alarm_sns_topic_arns`, `notification_topic_arn`) is told where to notify: the
# service it configures publishes there, so no fix. A local module's code is read instead. (The
# template form `"${aws_sns_topic.t.arn}"` reaches rules as the reference itself: the front end
# labels a one-interpolation template with the inner expression; test/iac expressions.test.ts and
# the fix form sns-topic-template-in-opaque-alarm-module.tf.)
test_topic_in_an_opaque_module_topic_argument_has_no_fix if {
	some arg in ["sns_topic_arn", "alarm_sns_topic_arns", "notification_topic_arn"]
	budget := {"address": "module.budget", "source": "cloudposse/budgets/aws", "config": {arg: {"$unknown": "aws_sns_topic.t.arn"}}}
	findings := rule.deny with input as {"resources": [topic], "modules": [budget]}
	count(findings) == 1
	every f in findings {
		not f.fix
	}
}

test_topic_argument_of_a_read_module_or_another_topic_keeps_the_fix if {
	local := {"address": "module.local", "source": "./budget", "dir": "/x/budget", "config": {"sns_topic_arn": {"$unknown": "aws_sns_topic.t.arn"}}}
	other := {"address": "module.budget", "source": "cloudposse/budgets/aws", "config": {"sns_topic_arn": {"$unknown": "aws_sns_topic.other.arn"}}}
	fixed := rule.deny with input as {"resources": [topic], "modules": [local, other]}
	count(fixed) == 1
	every f in fixed {
		f.fix
	}
}
