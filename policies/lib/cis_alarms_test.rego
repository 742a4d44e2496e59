package palisade.lib.cis_alarms_test

import data.palisade.lib.cis_alarms

filter(name, pattern) := {"address": concat(".", [cis_alarms.filter_type, name]), "type": cis_alarms.filter_type, "name": name, "config": {"pattern": pattern, "metric_transformation": [{"name": name}]}, "references": []}

alarm_on(name) := {"address": concat(".", [cis_alarms.alarm_type, name]), "type": cis_alarms.alarm_type, "name": name, "config": {"metric_name": name, "alarm_actions": [{"$unknown": "aws_sns_topic.alerts.arn"}]}, "references": []}

# with_config(alarm, config): the alarm with its config replaced.
with_config(alarm, config) := json.patch(alarm, [{"op": "replace", "path": "/config", "value": config}])

test_parts_split_on_and if {
	cis_alarms.parts(`{ ($.errorCode = "*UnauthorizedOperation") && ($.eventName != "HeadBucket") }`) == [["$.errorCode=*UnauthorizedOperation"], ["$.eventName!=HeadBucket"]]
}

test_covers_needs_all_terms_in_one_or_group if {
	cis_alarms.covers("{ ($.eventName = A) || ($.eventName = B) }", ["$.eventName=A", "$.eventName=B"], "")
	not cis_alarms.covers("{ ($.eventName = A) && ($.eventName = B) }", ["$.eventName=A", "$.eventName=B"], "")
	not cis_alarms.covers("{ ($.eventName = AB) }", ["$.eventName=A"], "")
}

test_forbidden_prefix if {
	not cis_alarms.covers("{ ($.eventSource = s3) || ($.eventName = A) }", ["$.eventName=A"], "$.eventSource")
	cis_alarms.covers("{ ($.eventSource = s3) && (($.eventName = A)) }", ["$.eventName=A"], "$.eventSource")
}

test_missing_and_watched if {
	cis_alarms.missing(["$.eventName=A"], "") with input as {"resources": [filter("f", "{ $.eventName = B }"), alarm_on("f")]}
	not cis_alarms.missing(["$.eventName=A"], "") with input as {"resources": [filter("f", "{ $.eventName = A }"), alarm_on("f")]}
	cis_alarms.missing(["$.eventName=A"], "") with input as {"resources": [filter("f", "{ $.eventName = A }"), alarm_on("other")]}
}

test_unknown_pattern_counts_as_watched if {
	not cis_alarms.missing(["$.eventName=A"], "") with input as {"resources": [filter("f", "{ $.eventName = B }"), filter("g", {"$unknown": "var.p"}), alarm_on("g")]}
}

test_unrelated_filters_are_not_a_monitoring_unit if {
	not cis_alarms.monitoring_unit with input as {"resources": [filter("f", "ERROR")]}
}

test_conjunction_needs_each_term_in_its_own_part if {
	req := {"all_of": ["$.eventName=ConsoleLogin", "$.errorMessage=Failedauthentication"]}
	cis_alarms.covers(`{ ($.eventName = ConsoleLogin) && ($.errorMessage = "Failed authentication") }`, req, "")
	not cis_alarms.covers(`{ ($.eventName = ConsoleLogin) || ($.errorMessage = "Failed authentication") }`, req, "")
	not cis_alarms.covers(`{ $.errorMessage = "Failed authentication" }`, req, "")
}

# One control's complete filter is not another's near miss (a fix adding it would otherwise move
# the other control's finding): a filter scoped to S3's event source is not an attempt at the
# Config control, and IAM's policy filter (CIS 4.4) shares only CreatePolicy/DeletePolicy with the
# Organizations control (CIS 4.15).
test_other_controls_filters_are_not_near_misses if {
	s3 := filter("s3", "{ ($.eventSource = s3.amazonaws.com) && (($.eventName = PutBucketAcl) || ($.eventName = PutBucketPolicy)) }")
	count(cis_alarms.near_misses(["$.eventName=PutConfigurationRecorder"], "$.eventSource=config.amazonaws.com")) == 0 with input as {"resources": [s3]}
	count(cis_alarms.near_misses(["$.eventName=PutBucketCors"], "$.eventSource=s3.amazonaws.com")) == 1 with input as {"resources": [s3]}
	iam := filter("iam", "{ ($.eventName = CreatePolicy) || ($.eventName = DeletePolicy) || ($.eventName = PutUserPolicy) }")
	count(cis_alarms.near_misses(["$.eventName=AttachPolicy", "$.eventName=CreatePolicy", "$.eventName=DeletePolicy"], "$.eventSource=organizations.amazonaws.com")) == 0 with input as {"resources": [iam]}
	orgs := filter("orgs", "{ ($.eventSource = organizations.amazonaws.com) && (($.eventName = AttachPolicy) || ($.eventName = CreatePolicy)) }")
	count(cis_alarms.near_misses(["$.eventName=AttachPolicy", "$.eventName=CreatePolicy", "$.eventName=DeletePolicy"], "$.eventSource=organizations.amazonaws.com")) == 1 with input as {"resources": [orgs]}
}

# An alarm on the filter's metric name in another namespace watches a different metric.
test_alarm_in_another_namespace_does_not_watch if {
	f := object.union(filter("f", "{ $.eventName = A }"), {"config": {"pattern": "{ $.eventName = A }", "metric_transformation": [{"name": "f", "namespace": "CIS"}]}})
	cis_alarms.missing(["$.eventName=A"], "") with input as {"resources": [f, object.union(alarm_on("f"), {"config": {"metric_name": "f", "namespace": "Other"}})]}
	not cis_alarms.missing(["$.eventName=A"], "") with input as {"resources": [f, object.union(alarm_on("f"), {"config": {"metric_name": "f", "namespace": "CIS"}})]}
	not cis_alarms.missing(["$.eventName=A"], "") with input as {"resources": [f, object.union(alarm_on("f"), {"config": {"metric_name": "f", "namespace": {"$unknown": "var.ns"}}})]}
	not cis_alarms.missing(["$.eventName=A"], "") with input as {"resources": [f, alarm_on("f")]}
}

# An alarm with its actions switched off or emptied notifies nobody: the events go unwatched.
test_alarm_without_actions_does_not_watch if {
	f := filter("f", "{ $.eventName = A }")
	cis_alarms.missing(["$.eventName=A"], "") with input as {"resources": [f, object.union(alarm_on("f"), {"config": {"metric_name": "f", "alarm_actions": []}})]}
	cis_alarms.missing(["$.eventName=A"], "") with input as {"resources": [f, object.union(alarm_on("f"), {"config": {"metric_name": "f", "actions_enabled": false, "alarm_actions": ["arn:aws:sns:eu-west-1:111122223333:cis"]}})]}
	not cis_alarms.missing(["$.eventName=A"], "") with input as {"resources": [f, object.union(alarm_on("f"), {"config": {"metric_name": "f", "alarm_actions": ["arn:aws:sns:eu-west-1:111122223333:cis"]}})]}
	not cis_alarms.missing(["$.eventName=A"], "") with input as {"resources": [f, object.union(alarm_on("f"), {"config": {"metric_name": "f", "actions_enabled": {"$unknown": "var.on"}}})]}
}

# An alarm that leaves alarm_actions out, or whose actions only stop instances or scale, tells no
# one (CIS 4.x audits AlarmActions for an SNS topic); a topic, a Lambda function, an Incident
# Manager response plan or an unknown list may reach someone.
test_alarm_without_alarm_actions_does_not_watch if {
	f := filter("f", "{ $.eventName = A }")
	cis_alarms.missing(["$.eventName=A"], "") with input as {"resources": [f, with_config(alarm_on("f"), {"metric_name": "f"})]}
	cis_alarms.missing(["$.eventName=A"], "") with input as {"resources": [f, with_config(alarm_on("f"), {"metric_name": "f", "alarm_actions": null})]}
	cis_alarms.missing(["$.eventName=A"], "") with input as {"resources": [f, with_config(alarm_on("f"), {"metric_name": "f", "alarm_actions": ["arn:aws:automate:eu-west-1:ec2:stop", {"$unknown": "aws_autoscaling_policy.up.arn"}]})]}
	not cis_alarms.missing(["$.eventName=A"], "") with input as {"resources": [f, with_config(alarm_on("f"), {"metric_name": "f", "alarm_actions": ["arn:aws:automate:eu-west-1:ec2:stop", {"$unknown": "aws_lambda_function.page.arn"}]})]}
	not cis_alarms.missing(["$.eventName=A"], "") with input as {"resources": [f, with_config(alarm_on("f"), {"metric_name": "f", "alarm_actions": ["arn:aws:ssm-incidents::111122223333:response-plan/security"]})]}
	not cis_alarms.missing(["$.eventName=A"], "") with input as {"resources": [f, with_config(alarm_on("f"), {"metric_name": "f", "alarm_actions": {"$unknown": "var.actions"}})]}
}

# EventBridge receives every alarm state change: a unit routing them may notify without actions.
test_routed_state_changes_notify if {
	f := filter("f", "{ $.eventName = A }")
	rule := {"address": "aws_cloudwatch_event_rule.alarms", "type": "aws_cloudwatch_event_rule", "name": "alarms", "config": {"event_pattern": `{"source":["aws.cloudwatch"],"detail-type":["CloudWatch Alarm State Change"]}`}, "references": []}
	not cis_alarms.missing(["$.eventName=A"], "") with input as {"resources": [f, with_config(alarm_on("f"), {"metric_name": "f"}), rule]}

	# The events go to EventBridge whatever the alarm's actions: an emptied list (a module's
	# `alarm_actions = var.alarm_actions` defaulting to []), only scaling actions, or actions
	# switched off leave the routed state change as the notification.
	not cis_alarms.missing(["$.eventName=A"], "") with input as {"resources": [f, with_config(alarm_on("f"), {"metric_name": "f", "alarm_actions": []}), rule]}
	not cis_alarms.missing(["$.eventName=A"], "") with input as {"resources": [f, with_config(alarm_on("f"), {"metric_name": "f", "alarm_actions": ["arn:aws:automate:eu-west-1:ec2:stop"]}), rule]}
	not cis_alarms.missing(["$.eventName=A"], "") with input as {"resources": [f, with_config(alarm_on("f"), {"metric_name": "f", "actions_enabled": false}), rule]}
}

# The message names the silent alarm and what it lacks; otherwise the rule's own message stands.
test_message_names_the_silent_alarm if {
	f := filter("f", "{ $.eventName = A }")
	spec := {"title": "A events", "required": ["$.eventName=A"], "forbidden": ""}
	msg := cis_alarms.message("No metric filter with an alarm watches CloudTrail for A events (CIS 4.9)", spec) with input as {"resources": [f, with_config(alarm_on("f"), {"metric_name": "f"})]}
	msg == "The alarm aws_cloudwatch_metric_alarm.f on the metric filter for A events notifies no one: it has no alarm_actions (CIS 4.9 asks for alarm actions naming an SNS topic with a subscriber)"
	plain := cis_alarms.message("No metric filter (CIS 4.9)", spec) with input as {"resources": [f]}
	plain == "No metric filter (CIS 4.9)"
}

# A metric alarm without actions that a composite alarm's rule names is heard through the
# composite (a common way to cut noise): it notifies when the composite does.
composite(config, references) := {"address": "aws_cloudwatch_composite_alarm.security", "type": "aws_cloudwatch_composite_alarm", "name": "security", "config": config, "references": references}

test_alarm_in_a_notifying_composite_notifies if {
	f := filter("f", "{ $.eventName = A }")
	quiet := with_config(alarm_on("f"), {"metric_name": "f", "alarm_name": "cis-a"})
	by_ref := composite({"alarm_rule": {"$unknown": "aws_cloudwatch_metric_alarm.f.alarm_name"}, "alarm_actions": [{"$unknown": "aws_sns_topic.alerts.arn"}]}, [{"path": ["alarm_rule"], "target": "aws_cloudwatch_metric_alarm.f", "attribute": "alarm_name"}])
	not cis_alarms.missing(["$.eventName=A"], "") with input as {"resources": [f, quiet, by_ref]}
	by_name := composite({"alarm_rule": "ALARM(\"cis-a\") OR ALARM(\"cis-b\")", "alarm_actions": ["arn:aws:sns:eu-west-1:111122223333:security"]}, [])
	not cis_alarms.missing(["$.eventName=A"], "") with input as {"resources": [f, quiet, by_name]}

	# A composite that tells no one, or names another alarm, changes nothing.
	cis_alarms.missing(["$.eventName=A"], "") with input as {"resources": [f, quiet, object.union(by_ref, {"config": {"alarm_actions": []}})]}
	cis_alarms.missing(["$.eventName=A"], "") with input as {"resources": [f, quiet, composite({"alarm_rule": "ALARM(\"cis-b\")", "alarm_actions": ["arn:aws:sns:eu-west-1:111122223333:security"]}, [])]}
}
