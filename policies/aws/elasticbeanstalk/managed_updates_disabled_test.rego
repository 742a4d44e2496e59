package palisade.aws.elasticbeanstalk.managed_updates_disabled_test

import data.palisade.aws.elasticbeanstalk.managed_updates_disabled as rule

env(settings) := {"resources": [{"address": "aws_elastic_beanstalk_environment.web", "type": "aws_elastic_beanstalk_environment", "name": "web", "config": {"name": "web", "application": "app", "solution_stack_name": "64bit Amazon Linux 2023 v6.1.0 running Node.js 20", "setting": settings}, "references": []}]}

role := {"namespace": "aws:elasticbeanstalk:environment", "name": "ServiceRole", "value": "aws-elasticbeanstalk-service-role"}

enhanced := {"namespace": "aws:elasticbeanstalk:healthreporting:system", "name": "SystemType", "value": "enhanced"}

managed(value) := {"namespace": "aws:elasticbeanstalk:managedactions", "name": "ManagedActionsEnabled", "value": value}

window := {"namespace": "aws:elasticbeanstalk:managedactions", "name": "PreferredStartTime", "value": "Tue:09:00"}

level := {"namespace": "aws:elasticbeanstalk:managedactions:platformupdate", "name": "UpdateLevel", "value": "patch"}

add(option) := {"op": "add_block", "path": [], "type": "setting", "repeatable": true, "config": option}

msg := "aws_elastic_beanstalk_environment.web does not turn on managed platform updates (ManagedActionsEnabled is not true)"

# Unset: reported on the environment; with enhanced health and a service role (both required by
# managed updates) the fix adds the switch, a weekly window and the update level EB requires with it.
test_unset_is_reported_with_the_three_options if {
	rule.deny == {{"msg": msg, "resource": "aws_elastic_beanstalk_environment.web", "path": [], "fix": [
		add(managed("true")),
		add({"namespace": "aws:elasticbeanstalk:managedactions", "name": "PreferredStartTime", "value": "Sun:10:00"}),
		add({"namespace": "aws:elasticbeanstalk:managedactions:platformupdate", "name": "UpdateLevel", "value": "minor"}),
	]}} with input as env([role, enhanced])
}

# Off: reported on the value; a window and level already written are kept.
test_false_is_reported_on_the_value_keeping_window_and_level if {
	rule.deny == {{"msg": msg, "resource": "aws_elastic_beanstalk_environment.web", "path": ["setting", 2, "value"], "fix": [{"op": "set", "path": ["setting", 2, "value"], "value": "true"}]}} with input as env([role, enhanced, managed("false"), window, level])
}

# Managed updates need enhanced health and a service role: without either, no fix.
test_no_fix_without_enhanced_health_or_service_role if {
	rule.deny == {{"msg": msg, "resource": "aws_elastic_beanstalk_environment.web", "path": []}} with input as env([role])
	rule.deny == {{"msg": msg, "resource": "aws_elastic_beanstalk_environment.web", "path": []}} with input as env([enhanced])
}

test_passes_when_on_unknown_or_templated if {
	count(rule.deny) == 0 with input as env([role, enhanced, managed("true"), window, level])
	count(rule.deny) == 0 with input as env([managed({"$unknown": "var.managed"})])
	count(rule.deny) == 0 with input as env({"$unknown": "var.settings"})
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_elastic_beanstalk_environment.web", "type": "aws_elastic_beanstalk_environment", "name": "web", "config": {"name": "web", "application": "app", "template_name": "t"}, "references": []}]}
}

# Elastic Beanstalk documents the values as true / false without a case; ELASTICBEANSTALK-001 reads
# StreamLogs in any case, and so does this rule: "False" and "FALSE" are off ("True" is on).
test_false_in_any_case_is_reported if {
	rule.deny == {{"msg": msg, "resource": "aws_elastic_beanstalk_environment.web", "path": ["setting", 2, "value"], "fix": [{"op": "set", "path": ["setting", 2, "value"], "value": "true"}]}} with input as env([role, enhanced, managed("False"), window, level])
	count(rule.deny) == 1 with input as env([role, enhanced, managed("FALSE"), window, level])
	count(rule.deny) == 0 with input as env([role, enhanced, managed("True"), window, level])
}
