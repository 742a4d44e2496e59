package palisade.aws.athena.workgroup_metrics_disabled_test

import data.palisade.aws.athena.workgroup_metrics_disabled as rule

wg(config) := {"resources": [{"address": "aws_athena_workgroup.this", "type": "aws_athena_workgroup", "name": "this", "config": config, "references": []}]}

test_fires_when_false if {
	rule.deny == {{"msg": "aws_athena_workgroup.this does not publish query metrics to CloudWatch (publish_cloudwatch_metrics_enabled = false)", "resource": "aws_athena_workgroup.this", "path": ["configuration", 0, "publish_cloudwatch_metrics_enabled"], "fix": [{"op": "set", "path": ["configuration", 0, "publish_cloudwatch_metrics_enabled"], "value": true}]}} with input as wg({"name": "x", "configuration": [{"publish_cloudwatch_metrics_enabled": false}]})
	count(rule.deny) == 1 with input as wg({"name": "x", "configuration": [{"publish_cloudwatch_metrics_enabled": "false"}]})
}

# The provider's default is true: no configuration block, or the argument left out, passes.
test_passes if {
	count(rule.deny) == 0 with input as wg({"name": "x"})
	count(rule.deny) == 0 with input as wg({"name": "x", "configuration": [{"enforce_workgroup_configuration": true}]})
	count(rule.deny) == 0 with input as wg({"name": "x", "configuration": [{"publish_cloudwatch_metrics_enabled": true}]})
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as wg({"name": "x", "configuration": [{"publish_cloudwatch_metrics_enabled": {"$unknown": "var.metrics"}}]})
	count(rule.deny) == 0 with input as wg({"name": "x", "configuration": {"$unknown": "var.configuration"}})
}
