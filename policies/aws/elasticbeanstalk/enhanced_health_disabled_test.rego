package palisade.aws.elasticbeanstalk.enhanced_health_disabled_test

import data.palisade.aws.elasticbeanstalk.enhanced_health_disabled as rule

env(settings) := {"resources": [{"address": "aws_elastic_beanstalk_environment.web", "type": "aws_elastic_beanstalk_environment", "name": "web", "config": {"name": "web", "application": "app", "solution_stack_name": "64bit Amazon Linux 2023 v6.1.0 running Node.js 20", "setting": settings}, "references": []}]}

role := {"namespace": "aws:elasticbeanstalk:environment", "name": "ServiceRole", "value": "aws-elasticbeanstalk-service-role"}

system(value) := {"namespace": "aws:elasticbeanstalk:healthreporting:system", "name": "SystemType", "value": value}

test_fires_with_fix_when_service_role_is_named if {
	rule.deny == {{"msg": "aws_elastic_beanstalk_environment.web uses basic health reporting (SystemType is not set to enhanced)", "resource": "aws_elastic_beanstalk_environment.web", "path": [], "fix": [{"op": "add_block", "path": [], "type": "setting", "repeatable": true, "config": {"namespace": "aws:elasticbeanstalk:healthreporting:system", "name": "SystemType", "value": "enhanced"}}]}} with input as env([role])
	rule.deny == {{"msg": "aws_elastic_beanstalk_environment.web uses basic health reporting (SystemType = \"basic\")", "resource": "aws_elastic_beanstalk_environment.web", "path": ["setting", 1, "value"], "fix": [{"op": "set", "path": ["setting", 1, "value"], "value": "enhanced"}]}} with input as env([role, system("basic")])
}

# Without a service role the option alone may not apply: no fix.
test_fires_without_fix_when_no_service_role if {
	rule.deny == {{"msg": "aws_elastic_beanstalk_environment.web uses basic health reporting (SystemType is not set to enhanced)", "resource": "aws_elastic_beanstalk_environment.web", "path": []}} with input as env([])
}

test_passes if {
	count(rule.deny) == 0 with input as env([role, system("enhanced")])
	count(rule.deny) == 0 with input as env([system("enhanced")])
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as env([system({"$unknown": "var.health"})])
	count(rule.deny) == 0 with input as env({"$unknown": "var.settings"})
	count(rule.deny) == 0 with input as env([{"namespace": {"$unknown": "each.value.namespace"}, "name": "SystemType", "value": "basic"}])
}

test_template_is_not_judged if {
	with_template := json.patch(env([]), [{"op": "add", "path": "/resources/0/config/template_name", "value": "web-template"}])
	count(rule.deny) == 0 with input as with_template
}
