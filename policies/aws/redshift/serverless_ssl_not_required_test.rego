package palisade.aws.redshift.serverless_ssl_not_required_test

import data.palisade.aws.redshift.serverless_ssl_not_required as rule

workgroup(params) := {"address": "aws_redshiftserverless_workgroup.main", "type": "aws_redshiftserverless_workgroup", "name": "main", "config": {"workgroup_name": "main", "namespace_name": "main", "config_parameter": params}, "references": []}

path := ["config_parameter", 1, "parameter_value"]

test_fires_on_false if {
	params := [{"parameter_key": "enable_user_activity_logging", "parameter_value": "true"}, {"parameter_key": "require_ssl", "parameter_value": "false"}]
	rule.deny == {{"msg": "aws_redshiftserverless_workgroup.main sets require_ssl to false: clients may connect without SSL", "resource": "aws_redshiftserverless_workgroup.main", "path": path, "fix": [{"op": "set", "path": path, "value": "true"}]}} with input as {"resources": [workgroup(params)]}
	count(rule.deny) == 1 with input as {"resources": [workgroup([{"parameter_key": "require_ssl", "parameter_value": false}])]}
}

test_passes if {
	count(rule.deny) == 0 with input as {"resources": [workgroup([{"parameter_key": "require_ssl", "parameter_value": "true"}])]}
	count(rule.deny) == 0 with input as {"resources": [workgroup([{"parameter_key": "search_path", "parameter_value": "false"}])]}
	count(rule.deny) == 0 with input as {"resources": [workgroup([])]}
	count(rule.deny) == 0 with input as {"resources": [workgroup([{"parameter_key": "require_ssl", "parameter_value": {"$unknown": "var.require_ssl"}}])]}
	count(rule.deny) == 0 with input as {"resources": [workgroup({"$unknown": "var.config_parameters"})]}
}
