package palisade.aws.ec2.instance_detailed_monitoring_test

import data.palisade.aws.ec2.instance_detailed_monitoring as rule

instance(config) := {"address": "aws_instance.web", "type": "aws_instance", "name": "web", "config": config, "references": []}

test_unset_warns if {
	rule.warn == {{
		"msg": "aws_instance.web does not have detailed monitoring enabled", "resource": "aws_instance.web", "path": ["monitoring"],
		"fix": [{"op": "set", "path": ["monitoring"], "value": true}],
	}} with input as {"resources": [instance({})]}
}

test_enabled_passes if {
	count(rule.warn) == 0 with input as {"resources": [instance({"monitoring": true})]}
}

test_unknown_does_not_warn if {
	count(rule.warn) == 0 with input as {"resources": [instance({"monitoring": {"$unknown": "var.m"}})]}
}

test_registry_module_fires if {
	rule.warn == {{"msg": "module.web does not have detailed monitoring enabled", "resource": "module.web", "path": ["monitoring"], "fix": [{"op": "set", "path": ["monitoring"], "value": true}]}} with input as {"resources": [], "modules": [{"address": "module.web", "name": "web", "source": "terraform-aws-modules/ec2-instance/aws", "config": {"monitoring": false}}]}
}

from_template := {"address": "aws_instance.web", "type": "aws_instance", "name": "web", "config": {"launch_template": [{"id": {"$unknown": "aws_launch_template.lt.id"}}]}, "references": [{"path": ["launch_template", 0, "id"], "target": "aws_launch_template.lt", "attribute": "id"}]}

template(config) := {"address": "aws_launch_template.lt", "type": "aws_launch_template", "name": "lt", "config": config, "references": []}

test_instance_from_launch_template_takes_its_monitoring if {
	count(rule.warn) == 0 with input as {"resources": [from_template, template({"monitoring": [{"enabled": true}]})]}
	{f.path | some f in rule.warn} == {["monitoring"]} with input as {"resources": [from_template, template({})]}
	{f.path | some f in rule.warn} == {["monitoring"]} with input as {"resources": [from_template, template({"monitoring": [{"enabled": false}]})]}

	# A template from outside the configuration (a literal id) may enable it: no warning.
	literal := {"address": "aws_instance.web", "type": "aws_instance", "name": "web", "config": {"launch_template": [{"id": "lt-0abc"}]}, "references": []}
	count(rule.warn) == 0 with input as {"resources": [literal]}
}

test_dynamic_launch_template_over_nothing_is_no_template if {
	none := {"address": "aws_instance.web", "type": "aws_instance", "name": "web", "config": {"launch_template": []}, "references": []}
	{f.path | some f in rule.warn} == {["monitoring"]} with input as {"resources": [none]}
	maybe := {"address": "aws_instance.web", "type": "aws_instance", "name": "web", "config": {"launch_template": {"$unknown": "var.launch_template"}}, "references": []}
	count(rule.warn) == 0 with input as {"resources": [maybe]}
}

launch_configuration(config) := {"address": "aws_launch_configuration.lc", "type": "aws_launch_configuration", "name": "lc", "config": config, "references": []}

test_launch_configuration_opt_out_warns if {
	rule.warn == {{
		"msg": "aws_launch_configuration.lc turns off detailed monitoring for the instances it launches", "resource": "aws_launch_configuration.lc", "path": ["enable_monitoring"],
		"fix": [{"op": "set", "path": ["enable_monitoring"], "value": true}],
	}} with input as {"resources": [launch_configuration({"enable_monitoring": false})]}
	count(rule.warn) == 1 with input as {"resources": [launch_configuration({"enable_monitoring": "false"})]}
}

# The default (true), an explicit true and an unknown value leave the launch configuration alone.
test_launch_configuration_default_passes if {
	count(rule.warn) == 0 with input as {"resources": [launch_configuration({})]}
	count(rule.warn) == 0 with input as {"resources": [launch_configuration({"enable_monitoring": true})]}
	count(rule.warn) == 0 with input as {"resources": [launch_configuration({"enable_monitoring": {"$unknown": "var.m"}})]}
}
