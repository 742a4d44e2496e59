package palisade.aws.waf.web_acl_logging_disabled_test

import data.palisade.aws.waf.web_acl_logging_disabled as rule

acl := {"address": "aws_wafv2_web_acl.main", "type": "aws_wafv2_web_acl", "name": "main", "config": {"name": "main", "scope": "REGIONAL"}, "references": []}

logging(arn, refs) := {"address": "aws_wafv2_web_acl_logging_configuration.main", "type": "aws_wafv2_web_acl_logging_configuration", "name": "main", "config": {"resource_arn": arn, "log_destination_configs": ["arn:aws:logs:eu-west-1:111122223333:log-group:aws-waf-logs-main"]}, "references": refs}

test_fires_without_logging if {
	rule.deny == {{"msg": "aws_wafv2_web_acl.main has no logging configuration: the requests it inspects are not logged", "resource": "aws_wafv2_web_acl.main", "path": []}} with input as {"resources": [acl]}
}

test_passes_with_logging if {
	count(rule.deny) == 0 with input as {"resources": [acl, logging({"$unknown": "aws_wafv2_web_acl.main.arn"}, [{"path": ["resource_arn"], "target": "aws_wafv2_web_acl.main"}])]}
}

# Logging of another ACL (by reference or by a literal ARN) does not cover this one.
test_fires_when_logging_names_another_acl if {
	other := {"address": "aws_wafv2_web_acl.other", "type": "aws_wafv2_web_acl", "name": "other", "config": {"name": "other", "scope": "REGIONAL"}, "references": []}
	findings := rule.deny with input as {"resources": [acl, other, logging({"$unknown": "aws_wafv2_web_acl.other.arn"}, [{"path": ["resource_arn"], "target": "aws_wafv2_web_acl.other"}])]}
	{f.resource | some f in findings} == {"aws_wafv2_web_acl.main"}
	count(rule.deny) == 1 with input as {"resources": [acl, logging("arn:aws:wafv2:eu-west-1:111122223333:regional/webacl/legacy/a1b2", [])]}
}

# count/for_each instances are matched by their un-keyed reference.
test_instances_match if {
	keyed := json.patch(acl, [{"op": "replace", "path": "/address", "value": "aws_wafv2_web_acl.main[0]"}])
	count(rule.deny) == 0 with input as {"resources": [keyed, logging({"$unknown": "aws_wafv2_web_acl.main[0].arn"}, [{"path": ["resource_arn"], "target": "aws_wafv2_web_acl.main[0]"}])]}
}

test_unresolved_logging_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [acl, logging({"$unknown": "var.web_acl_arn"}, [])]}
}

# The fix logs the ACL where the module's other ACL of the same scope already logs.
api_acl := {"address": "aws_wafv2_web_acl.api", "type": "aws_wafv2_web_acl", "name": "api", "config": {"name": "api", "scope": "REGIONAL"}, "references": []}

api_logging(extra) := {"address": "aws_wafv2_web_acl_logging_configuration.api", "type": "aws_wafv2_web_acl_logging_configuration", "name": "api", "config": object.union({"resource_arn": {"$unknown": "aws_wafv2_web_acl.api.arn"}, "log_destination_configs": [{"$unknown": "aws_cloudwatch_log_group.waf.arn"}]}, extra), "references": [{"path": ["resource_arn"], "target": "aws_wafv2_web_acl.api"}]}

test_fix_copies_the_siblings_destination if {
	findings := rule.deny with input as {"resources": [acl, api_acl, api_logging({})]}
	findings == {{"msg": "aws_wafv2_web_acl.main has no logging configuration: the requests it inspects are not logged", "resource": "aws_wafv2_web_acl.main", "path": [], "fix": [{
		"op": "add_resource", "type": "aws_wafv2_web_acl_logging_configuration", "name": "main",
		"config": {"resource_arn": {"$expr": "aws_wafv2_web_acl.main.arn"}, "log_destination_configs": [{"$expr": "aws_cloudwatch_log_group.waf.arn"}]},
		"derived_from": [{"resource": "aws_wafv2_web_acl_logging_configuration.api", "path": ["log_destination_configs", 0], "text": "aws_cloudwatch_log_group.waf.arn"}],
	}]}}
}

test_no_fix_from_another_scope_or_a_redacting_configuration if {
	cloudfront_acl := json.patch(api_acl, [{"op": "replace", "path": "/config/scope", "value": "CLOUDFRONT"}])
	f1 := rule.deny with input as {"resources": [acl, cloudfront_acl, api_logging({})]}
	f1 == {{"msg": "aws_wafv2_web_acl.main has no logging configuration: the requests it inspects are not logged", "resource": "aws_wafv2_web_acl.main", "path": []}}
	redacting := api_logging({"redacted_fields": [{"single_header": [{"name": "authorization"}]}]})
	f2 := rule.deny with input as {"resources": [acl, api_acl, redacting]}
	f2 == {{"msg": "aws_wafv2_web_acl.main has no logging configuration: the requests it inspects are not logged", "resource": "aws_wafv2_web_acl.main", "path": []}}
}
