package palisade.aws.elasticbeanstalk.cloudwatch_logs_disabled_test

import data.palisade.aws.elasticbeanstalk.cloudwatch_logs_disabled as rule

env(settings) := {"resources": [{"address": "aws_elastic_beanstalk_environment.web", "type": "aws_elastic_beanstalk_environment", "name": "web", "config": {"name": "web", "application": "app", "solution_stack_name": "64bit Amazon Linux 2023 v6.1.0 running Node.js 20", "setting": settings}, "references": []}]}

profile := {"namespace": "aws:autoscaling:launchconfiguration", "name": "IamInstanceProfile", "value": "aws-elasticbeanstalk-ec2-role"}

stream(value) := {"namespace": "aws:elasticbeanstalk:cloudwatch:logs", "name": "StreamLogs", "value": value}

test_fires_when_left_out if {
	rule.deny == {{"msg": "aws_elastic_beanstalk_environment.web does not stream its logs to CloudWatch Logs (StreamLogs is not set)", "resource": "aws_elastic_beanstalk_environment.web", "path": [], "fix": [{"op": "add_block", "path": [], "type": "setting", "repeatable": true, "config": {"namespace": "aws:elasticbeanstalk:cloudwatch:logs", "name": "StreamLogs", "value": "true"}}]}} with input as env([profile])
	count(rule.deny) == 1 with input as env([])
}

test_fires_when_false if {
	rule.deny == {{"msg": "aws_elastic_beanstalk_environment.web does not stream its logs to CloudWatch Logs (StreamLogs = false)", "resource": "aws_elastic_beanstalk_environment.web", "path": ["setting", 1, "value"], "fix": [{"op": "set", "path": ["setting", 1, "value"], "value": "true"}]}} with input as env([profile, stream("false")])
	count(rule.deny) == 1 with input as env([stream(false)])
	count(rule.deny) == 1 with input as env([stream("False")])
}

test_passes if {
	count(rule.deny) == 0 with input as env([profile, stream("true")])
	count(rule.deny) == 0 with input as env([stream(true)])
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as env([stream({"$unknown": "var.stream_logs"})])
	count(rule.deny) == 0 with input as env({"$unknown": "var.settings"})
	count(rule.deny) == 0 with input as env([profile, {"namespace": {"$unknown": "each.value.namespace"}, "name": {"$unknown": "each.value.name"}, "value": {"$unknown": "each.value.value"}}])
}

# A configuration template may set the option.
test_template_is_not_judged if {
	with_template := json.patch(env([]), [{"op": "add", "path": "/resources/0/config/template_name", "value": "web-template"}])
	count(rule.deny) == 0 with input as with_template
}
