package palisade.aws.cloudwatch.log_group_retention_short_test

import data.palisade.aws.cloudwatch.log_group_retention_short as rule

group(config) := {"address": "aws_cloudwatch_log_group.app", "type": "aws_cloudwatch_log_group", "name": "app", "config": config, "references": []}

test_short_retention_fires if {
	rule.deny == {{
		"msg": "aws_cloudwatch_log_group.app keeps its logs 1 day, less than 365 days",
		"resource": "aws_cloudwatch_log_group.app", "path": ["retention_in_days"],
	}} with input as {"resources": [group({"name": "/aws/lambda/app", "retention_in_days": 1})]}
	count(rule.deny) == 1 with input as {"resources": [group({"retention_in_days": 180})]}
	count(rule.deny) == 1 with input as {"resources": [group({"retention_in_days": "30"})]}
}

# Unset and 0 never expire (PAL-AWS-CLOUDWATCH-010's); a year or more, or an unknown value, passes.
test_year_never_expire_and_unknown_pass if {
	count(rule.deny) == 0 with input as {"resources": [group({"name": "app"})]}
	count(rule.deny) == 0 with input as {"resources": [group({"retention_in_days": 0})]}
	count(rule.deny) == 0 with input as {"resources": [group({"retention_in_days": 365})]}
	count(rule.deny) == 0 with input as {"resources": [group({"retention_in_days": 3653})]}
	count(rule.deny) == 0 with input as {"resources": [group({"retention_in_days": {"$unknown": "var.retention"}})]}
}

module_call(source, config) := {"address": "module.logs", "source": source, "version": "~> 5.0", "config": config}

test_module_log_groups if {
	rule.deny == {{
		"msg": "module.logs keeps its logs 14 days, less than 365 days",
		"resource": "module.logs", "path": ["retention_in_days"],
	}} with input as {"resources": [], "modules": [module_call("terraform-aws-modules/cloudwatch/aws//modules/log-group", {"name": "/app", "retention_in_days": 14})]}
	rule.deny == {{
		"msg": "the log group of module.logs keeps its logs 7 days, less than 365 days",
		"resource": "module.logs", "path": ["cloudwatch_logs_retention_in_days"],
	}} with input as {"resources": [], "modules": [module_call("terraform-aws-modules/lambda/aws", {"function_name": "f", "cloudwatch_logs_retention_in_days": 7})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [module_call("terraform-aws-modules/lambda/aws", {"function_name": "f", "cloudwatch_logs_retention_in_days": 7, "use_existing_cloudwatch_log_group": true})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [module_call("terraform-aws-modules/cloudwatch/aws//modules/log-group", {"name": "/app"})]}
}
