package palisade.aws.waf.web_acl_empty_test

import data.palisade.aws.waf.web_acl_empty as rule

acl(extra) := {"address": "aws_wafv2_web_acl.main", "type": "aws_wafv2_web_acl", "name": "main", "config": object.union({"name": "main", "scope": "REGIONAL", "default_action": [{"allow": [{}]}]}, extra), "references": []}

managed_rule := {"name": "common", "priority": 1, "override_action": [{"none": [{}]}], "statement": [{"managed_rule_group_statement": [{"name": "AWSManagedRulesCommonRuleSet", "vendor_name": "AWS"}]}]}

test_fires_on_empty_allow_acl if {
	rule.deny == {{"msg": "aws_wafv2_web_acl.main has no rules and its default action allows every request", "resource": "aws_wafv2_web_acl.main", "path": []}} with input as {"resources": [acl({})]}
}

test_passes_with_a_rule if {
	count(rule.deny) == 0 with input as {"resources": [acl({"rule": [managed_rule]})]}
}

# A deliberate deny-all ACL is not reported.
test_passes_when_default_blocks if {
	count(rule.deny) == 0 with input as {"resources": [acl({"default_action": [{"block": [{}]}]})]}
}

# Rules from rule_json, a dynamic block over an unknown collection, or an unknown default action.
test_unknowns_do_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [acl({"rule_json": {"$unknown": "var.rules_json"}})]}
	count(rule.deny) == 0 with input as {"resources": [acl({"rule": {"$unknown": "var.rules"}})]}
	count(rule.deny) == 0 with input as {"resources": [acl({"default_action": {"$unknown": "var.default_action"}})]}
}

test_rule_json_counts_as_rules if {
	count(rule.deny) == 0 with input as {"resources": [acl({"rule_json": "[{\"Name\":\"common\"}]"})]}
	count(rule.deny) == 1 with input as {"resources": [acl({"rule_json": ""})]}
}

association(arn, refs) := {"address": "aws_wafv2_web_acl_rule_group_association.main", "type": "aws_wafv2_web_acl_rule_group_association", "name": "main", "config": {"rule_name": "common", "priority": 1, "web_acl_arn": arn}, "references": refs}

test_rule_group_association_counts_as_rules if {
	count(rule.deny) == 0 with input as {"resources": [acl({}), association({"$unknown": "aws_wafv2_web_acl.main.arn"}, [{"path": ["web_acl_arn"], "target": "aws_wafv2_web_acl.main"}])]}
	count(rule.deny) == 0 with input as {"resources": [acl({}), association({"$unknown": "var.web_acl_arn"}, [])]}
	count(rule.deny) == 1 with input as {"resources": [acl({}), association("arn:aws:wafv2:eu-west-1:111122223333:regional/webacl/other/a1b2", [])]}
}

# Provider 6.x's aws_wafv2_web_acl_rule adds single rules to a web ACL, which then carries
# lifecycle { ignore_changes = [rule] } and no rule block of its own (the provider documents the
# pairing): the ACL has rules.
single_rule(arn, refs) := {"address": "aws_wafv2_web_acl_rule.rate", "type": "aws_wafv2_web_acl_rule", "name": "rate", "config": {"name": "rate", "priority": 1, "web_acl_arn": arn}, "references": refs}

test_web_acl_rule_resource_counts_as_rules if {
	count(rule.deny) == 0 with input as {"resources": [acl({}), single_rule({"$unknown": "aws_wafv2_web_acl.main.arn"}, [{"path": ["web_acl_arn"], "target": "aws_wafv2_web_acl.main"}])]}
	count(rule.deny) == 0 with input as {"resources": [acl({}), single_rule({"$unknown": "var.web_acl_arn"}, [])]}
	count(rule.deny) == 1 with input as {"resources": [acl({}), single_rule("arn:aws:wafv2:eu-west-1:111122223333:regional/webacl/other/a1b2", [])]}
}

# lifecycle { ignore_changes = [rule] }: the rules are attached from another configuration or service.
test_rules_left_to_others_by_ignore_changes_pass if {
	count(rule.deny) == 0 with input as {"resources": [object.union(acl({}), {"ignore_changes": ["rule"]})]}
	count(rule.deny) == 0 with input as {"resources": [object.union(acl({}), {"ignore_changes": "all"})]}
	count(rule.deny) == 1 with input as {"resources": [object.union(acl({}), {"ignore_changes": ["tags"]})]}
}
