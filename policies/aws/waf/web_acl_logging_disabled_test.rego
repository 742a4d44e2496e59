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
