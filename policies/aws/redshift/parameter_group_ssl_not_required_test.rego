package palisade.aws.redshift.parameter_group_ssl_not_required_test

import data.palisade.aws.redshift.parameter_group_ssl_not_required as rule

group(params) := {"resources": [{"address": "aws_redshift_parameter_group.this", "type": "aws_redshift_parameter_group", "name": "this", "config": {"family": "redshift-1.0", "parameter": params}, "references": []}]}

logging := {"name": "enable_user_activity_logging", "value": "true"}

test_fires_when_left_out if {
	rule.deny == {{"msg": "aws_redshift_parameter_group.this leaves require_ssl at its default, false: clients may connect without SSL", "resource": "aws_redshift_parameter_group.this", "path": ["parameter"], "fix": [{"op": "add_block", "path": [], "type": "parameter", "repeatable": true, "config": {"name": "require_ssl", "value": "true"}}]}} with input as group([logging])
	count(rule.deny) == 1 with input as group([])
}

test_fires_when_false if {
	rule.deny == {{"msg": "aws_redshift_parameter_group.this sets require_ssl to false: clients may connect without SSL", "resource": "aws_redshift_parameter_group.this", "path": ["parameter", 1, "value"], "fix": [{"op": "set", "path": ["parameter", 1, "value"], "value": "true"}]}} with input as group([logging, {"name": "require_ssl", "value": "false"}])
	count(rule.deny) == 1 with input as group([{"name": "require_ssl", "value": false}])
}

# "true" or a bare true; an unknown value or unknown blocks are not judged.
test_passes if {
	count(rule.deny) == 0 with input as group([logging, {"name": "require_ssl", "value": "true"}])
	count(rule.deny) == 0 with input as group([{"name": "require_ssl", "value": true}])
	count(rule.deny) == 0 with input as group([{"name": "require_ssl", "value": {"$unknown": "var.ssl"}}])
	count(rule.deny) == 0 with input as group({"$unknown": "var.parameters"})
}

# A parameter named by a variable may be require_ssl: nothing is claimed about the default.
test_unknown_parameter_name_is_not_judged if {
	count(rule.deny) == 0 with input as group([logging, {"name": {"$unknown": "each.key"}, "value": {"$unknown": "each.value"}}])
	count(rule.deny) == 1 with input as group([{"name": "require_ssl", "value": "FALSE"}])
}
