package palisade.aws.ec2.imdsv2_not_required_test

import data.palisade.aws.ec2.imdsv2_not_required as rule

instance(config) := {"address": "aws_instance.web", "type": "aws_instance", "name": "web", "config": object.union({"ami": "ami-1"}, config), "references": []}

test_missing_block_fires_with_add_block if {
	rule.deny == {{
		"msg": "aws_instance.web does not require IMDSv2 (http_tokens = \"required\")",
		"resource": "aws_instance.web", "path": ["metadata_options"],
		"fix": [{"op": "add_block", "path": [], "type": "metadata_options", "config": {"http_tokens": "required"}}],
	}} with input as {"resources": [instance({})]}
}

test_optional_tokens_fire_with_set if {
	rule.deny == {{
		"msg": "aws_instance.web does not require IMDSv2 (http_tokens = \"required\")",
		"resource": "aws_instance.web", "path": ["metadata_options", 0, "http_tokens"],
		"fix": [{"op": "set", "path": ["metadata_options", 0, "http_tokens"], "value": "required"}],
	}} with input as {"resources": [instance({"metadata_options": [{"http_tokens": "optional"}]})]}
}

test_required_or_disabled_passes if {
	count(rule.deny) == 0 with input as {"resources": [instance({"metadata_options": [{"http_tokens": "required"}]})]}
	count(rule.deny) == 0 with input as {"resources": [instance({"metadata_options": [{"http_endpoint": "disabled"}]})]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [instance({"metadata_options": [{"http_tokens": {"$unknown": "var.tokens"}}]})]}
	count(rule.deny) == 0 with input as {"resources": [instance({"metadata_options": {"$unknown": "var.opts"}})]}
}

test_instance_from_launch_template_is_judged_by_the_template if {
	from_template := instance({"launch_template": [{"id": {"$unknown": "aws_launch_template.lt.id"}, "version": "$Latest"}]})
	count(rule.deny) == 0 with input as {"resources": [from_template]}

	# Its own block still overrides the template's, and is judged.
	overriding := instance({"launch_template": [{"id": "lt-123"}], "metadata_options": [{"http_tokens": "optional"}]})
	{f.path | some f in rule.deny} == {["metadata_options", 0, "http_tokens"]} with input as {"resources": [overriding]}
}

test_dynamic_launch_template_over_nothing_is_no_template if {
	{f.path | some f in rule.deny} == {["metadata_options"]} with input as {"resources": [instance({"launch_template": []})]}
	count(rule.deny) == 0 with input as {"resources": [instance({"launch_template": {"$unknown": "var.launch_template"}})]}
}

ec2_call(config) := {"address": "module.ec2", "source": "terraform-aws-modules/ec2-instance/aws", "config": config}

asg_call(config) := {"address": "module.asg", "source": "terraform-aws-modules/autoscaling/aws", "config": config}

test_opaque_modules_with_optional_tokens_fire if {
	rule.deny == {{
		"msg": "module.ec2 does not require IMDSv2 (http_tokens = \"required\")", "resource": "module.ec2", "path": ["metadata_options", "http_tokens"],
		"fix": [{"op": "set", "path": ["metadata_options", "http_tokens"], "value": "required"}],
	}} with input as {"resources": [], "modules": [ec2_call({"metadata_options": {"http_tokens": "optional"}})]}
	count(rule.deny) == 1 with input as {"resources": [], "modules": [asg_call({"metadata_options": {"http_endpoint": "enabled", "http_tokens": "optional"}})]}
}

test_opaque_modules_required_unset_disabled_or_switched_off_pass if {
	count(rule.deny) == 0 with input as {"resources": [], "modules": [ec2_call({}), asg_call({})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [ec2_call({"metadata_options": {"http_tokens": "required"}})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [ec2_call({"metadata_options": {"http_endpoint": "disabled", "http_tokens": "optional"}})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [ec2_call({"create": false, "metadata_options": {"http_tokens": "optional"}})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [asg_call({"create_launch_template": false, "metadata_options": {"http_tokens": "optional"}})]}
}

# terraform-aws-elb's example pins ec2-instance "~> 2.0" and sets no metadata_options: v2 writes no
# block, so the AMI's default (IMDSv1 on) applies. Later or unpinned majors are not judged unset.
test_ec2_instance_v2_without_metadata_options_fires_without_a_fix if {
	v2 := object.union(ec2_call({"instance_count": 1}), {"version": "~> 2.0"})
	rule.deny == {{"msg": "module.ec2 does not require IMDSv2 (http_tokens = \"required\")", "resource": "module.ec2", "path": ["metadata_options"]}} with input as {"resources": [], "modules": [v2]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [object.union(ec2_call({}), {"version": "~> 5.0"})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [ec2_call({})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [object.union(ec2_call({"metadata_options": {"http_tokens": "required"}}), {"version": "2.21.0"})]}
}

# A boot script that reads the metadata service with plain GETs (the 2021 GitHub-runners install
# script, held-out H3) would fail once tokens are required: the finding stays, without a fix.
imdsv1_script := "#!/bin/bash\nREGION=$(curl -s 169.254.169.254/latest/dynamic/instance-identity/document | jq -r .region)\nINSTANCE_ID=$(wget -q -O - http://169.254.169.254/latest/meta-data/instance-id)\n"

imdsv2_script := "#!/bin/bash\nTOKEN=$(curl -X PUT http://169.254.169.254/latest/api/token -H 'X-aws-ec2-metadata-token-ttl-seconds: 60')\ncurl -H \"X-aws-ec2-metadata-token: $TOKEN\" http://169.254.169.254/latest/meta-data/instance-id\n"

template(config) := {"address": "aws_launch_template.runner", "type": "aws_launch_template", "name": "runner", "config": config, "references": []}

test_user_data_reading_imdsv1_fires_without_a_fix if {
	rule.deny == {{"msg": "aws_instance.web does not require IMDSv2 (http_tokens = \"required\")", "resource": "aws_instance.web", "path": ["metadata_options"]}} with input as {"resources": [instance({"user_data": imdsv1_script})]}
	rule.deny == {{"msg": "aws_launch_template.runner does not require IMDSv2 (http_tokens = \"required\")", "resource": "aws_launch_template.runner", "path": ["metadata_options"]}} with input as {"resources": [template({"user_data": base64.encode(imdsv1_script)})]}
	rule.deny == {{"msg": "aws_instance.web does not require IMDSv2 (http_tokens = \"required\")", "resource": "aws_instance.web", "path": ["metadata_options", 0, "http_tokens"]}} with input as {"resources": [instance({"user_data_base64": base64.encode(imdsv1_script), "metadata_options": [{"http_tokens": "optional"}]})]}
}

test_user_data_with_tokens_or_unknown_keeps_the_fix if {
	some f in rule.deny with input as {"resources": [instance({"user_data": imdsv2_script})]}
	count(f.fix) == 1
	some g in rule.deny with input as {"resources": [template({"user_data": {"$unknown": "base64encode(templatefile(local.userdata_template, {}))"}})]}
	count(g.fix) == 1
	some h in rule.deny with input as {"resources": [template({"user_data": base64.encode("#!/bin/bash\nyum install -y docker\n")})]}
	count(h.fix) == 1
}

defaults(tokens) := {"resources": [{"address": "aws_ec2_instance_metadata_defaults.this", "type": "aws_ec2_instance_metadata_defaults", "name": "this", "config": {"http_tokens": tokens}, "references": []}]}

# The Region's default for new instances: only an explicit "optional" chooses IMDSv1.
test_region_default_optional_fires if {
	rule.deny == {{"msg": "aws_ec2_instance_metadata_defaults.this makes IMDSv1 the default for new instances in the Region (http_tokens = \"optional\")", "resource": "aws_ec2_instance_metadata_defaults.this", "path": ["http_tokens"], "fix": [{"op": "set", "path": ["http_tokens"], "value": "required"}]}} with input as defaults("optional")
	count(rule.deny) == 0 with input as defaults("required")
	count(rule.deny) == 0 with input as defaults("no-preference")
	count(rule.deny) == 0 with input as defaults({"$unknown": "var.tokens"})
}

# A spot instance request takes aws_instance's arguments, but the provider builds the spot request's
# launch specification (RequestSpotInstances) without metadata options or a launch template, which
# that API has no field for: the instance takes the Region's default or the AMI's, whatever
# metadata_options or launch_template say (terraform-provider-aws #25896). Adding the block fixes
# nothing, so no fix; only a Region default of "required" (or an unknown one) clears it.
spot(config) := {"address": "aws_spot_instance_request.w", "type": "aws_spot_instance_request", "name": "w", "config": object.union({"ami": "ami-1"}, config), "references": []}

spot_msg := "aws_spot_instance_request.w does not require IMDSv2: a spot instance request passes neither metadata_options nor launch_template to its instance, which takes the Region's default (aws_ec2_instance_metadata_defaults) or the AMI's; launch it as an aws_instance with instance_market_options { market_type = \"spot\" }, or make \"required\" the Region's default"

test_spot_instance_request_ignores_its_metadata_options if {
	rule.deny == {{"msg": spot_msg, "resource": "aws_spot_instance_request.w", "path": ["metadata_options"]}} with input as {"resources": [spot({})]}
	rule.deny == {{"msg": spot_msg, "resource": "aws_spot_instance_request.w", "path": ["metadata_options"]}} with input as {"resources": [spot({"metadata_options": [{"http_tokens": "optional"}]})]}
	rule.deny == {{"msg": spot_msg, "resource": "aws_spot_instance_request.w", "path": ["metadata_options"]}} with input as {"resources": [spot({"metadata_options": [{"http_tokens": "required"}]})]}
	rule.deny == {{"msg": spot_msg, "resource": "aws_spot_instance_request.w", "path": ["metadata_options"]}} with input as {"resources": [spot({"launch_template": [{"id": "lt-123"}]})]}
}

test_spot_instance_request_under_a_required_region_default_passes if {
	count(rule.deny) == 0 with input as {"resources": array.concat(defaults("required").resources, [spot({})])}
	count(rule.deny) == 0 with input as {"resources": array.concat(defaults({"$unknown": "var.tokens"}).resources, [spot({})])}
	{f.resource | some f in rule.deny} == {"aws_spot_instance_request.w"} with input as {"resources": array.concat(defaults("no-preference").resources, [spot({})])}
}

# A spot fleet's launch_specification (EC2's SpotFleetLaunchSpecification) has no metadata options
# field at all: its instances take the Region's default or the AMI's (held-out s20/H6, ericdahl's
# tf-ecs). A fleet launched from launch templates is judged on the templates.
fleet(config) := {"address": "aws_spot_fleet_request.f", "type": "aws_spot_fleet_request", "name": "f", "config": object.union({"iam_fleet_role": "arn:aws:iam::111122223333:role/fleet", "target_capacity": 2}, config), "references": []}

fleet_msg := "aws_spot_fleet_request.f does not require IMDSv2: a spot fleet launch_specification has no metadata options, so its instances take the Region's default (aws_ec2_instance_metadata_defaults) or the AMI's; launch the fleet from a launch template that requires tokens (launch_template_config), or make \"required\" the Region's default"

test_spot_fleet_launch_specification_fires if {
	rule.deny == {
		{"msg": fleet_msg, "resource": "aws_spot_fleet_request.f", "path": ["launch_specification", 0]},
		{"msg": fleet_msg, "resource": "aws_spot_fleet_request.f", "path": ["launch_specification", 1]},
	} with input as {"resources": [fleet({"launch_specification": [{"ami": "ami-1", "instance_type": "m5.large"}, {"ami": "ami-1", "instance_type": "m5.xlarge"}]})]}
}

test_spot_fleet_from_templates_or_under_a_required_default_passes if {
	count(rule.deny) == 0 with input as {"resources": [fleet({"launch_template_config": [{"launch_template_specification": [{"id": "lt-1", "version": "$Latest"}]}]})]}
	count(rule.deny) == 0 with input as {"resources": array.concat(defaults("required").resources, [fleet({"launch_specification": [{"ami": "ami-1"}]})])}
}
