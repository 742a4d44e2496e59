package palisade.aws.vpc.default_sg_in_use_test

import data.palisade.aws.vpc.default_sg_in_use as rule

# The attribute holds the reference it makes (as the model writes a lone reference's unknown).
instance(refs) := {
	"address": "aws_instance.app", "type": "aws_instance", "name": "app",
	"config": {"vpc_security_group_ids": [{"$unknown": sprintf("%s.%s", [r.target, r.attribute])} | some r in refs]}, "references": refs,
}

ref(target, attribute) := {"path": ["vpc_security_group_ids", 0], "target": target, "attribute": attribute}

test_default_security_group_resource if {
	rule.deny == {{
		"msg": "aws_instance.app is attached to the VPC's default security group (aws_default_security_group.d)",
		"resource": "aws_instance.app", "path": ["vpc_security_group_ids", 0],
	}} with input as {"resources": [instance([ref("aws_default_security_group.d", "id")])]}
}

test_vpc_default_security_group_id if {
	count(rule.deny) == 1 with input as {"resources": [instance([ref("aws_vpc.main", "default_security_group_id")])]}
	count(rule.deny) == 1 with input as {"resources": [instance([ref("module.vpc", "default_security_group_id")])]}
}

test_data_source_named_default if {
	by_name := {"address": "data.aws_security_group.d", "type": "aws_security_group", "name": "d", "config": {"name": "default", "vpc_id": "vpc-1"}}
	count(rule.deny) == 1 with input as {"resources": [instance([ref("data.aws_security_group.d", "id")])], "data": [by_name]}
	by_filter := object.union(by_name, {"config": {"filter": [{"name": "group-name", "values": ["default"]}]}})
	count(rule.deny) == 1 with input as {"resources": [instance([ref("data.aws_security_group.d", "id")])], "data": [by_filter]}
	other := object.union(by_name, {"config": {"name": "web"}})
	count(rule.deny) == 0 with input as {"resources": [instance([ref("data.aws_security_group.d", "id")])], "data": [other]}
}

test_other_group_passes if {
	count(rule.deny) == 0 with input as {"resources": [instance([ref("aws_security_group.app", "id")])]}
}

test_non_attaching_path_passes if {
	r := {"path": ["subnet_id"], "target": "aws_vpc.main", "attribute": "default_security_group_id"}
	count(rule.deny) == 0 with input as {"resources": [instance([r])]}
}

test_nested_block_path if {
	fn := {
		"address": "aws_lambda_function.fn", "type": "aws_lambda_function", "name": "fn",
		"config": {"vpc_config": [{"security_group_ids": [{"$unknown": "aws_vpc.main.default_security_group_id"}]}]},
		"references": [{"path": ["vpc_config", 0, "security_group_ids", 0], "target": "aws_vpc.main", "attribute": "default_security_group_id"}],
	}
	count(rule.deny) == 1 with input as {"resources": [fn]}
}

test_module_call if {
	call := {"address": "module.ec2", "name": "ec2", "source": "terraform-aws-modules/ec2-instance/aws", "config": {"vpc_security_group_ids": [{"$unknown": "module.vpc.default_security_group_id"}]}}
	rule.deny == {{
		"msg": "module.ec2 attaches the VPC's default security group (module.vpc.default_security_group_id)",
		"resource": "module.ec2", "path": ["vpc_security_group_ids"],
	}} with input as {"resources": [], "modules": [call]}
	other := object.union(call, {"config": {"vpc_security_group_ids": [{"$unknown": "module.sg.security_group_id"}]}})
	count(rule.deny) == 0 with input as {"resources": [], "modules": [other]}
}

# Session 23 review (R1): references are syntactic. A conditional that names the default group in
# the branch not taken (a known choice) or behind an unknown choice does not show it attached.
test_reference_in_a_branch_not_taken_passes if {
	i := {
		"address": "aws_instance.app", "type": "aws_instance", "name": "app",
		"config": {"vpc_security_group_ids": [{"$unknown": "aws_security_group.app.id"}]},
		"references": [ref("aws_default_security_group.d", "id"), ref("aws_security_group.app", "id")],
	}
	count(rule.deny) == 0 with input as {"resources": [i]}
}

test_reference_behind_an_unknown_choice_passes if {
	text := "var.use_default ? [aws_default_security_group.d.id] : [aws_security_group.app.id]"
	i := {
		"address": "aws_instance.app", "type": "aws_instance", "name": "app",
		"config": {"vpc_security_group_ids": {"$unknown": text}},
		"references": [ref("aws_default_security_group.d", "id"), ref("aws_security_group.app", "id")],
	}
	count(rule.deny) == 0 with input as {"resources": [i]}
}

test_module_call_choice_ending_in_the_default_group_passes if {
	text := "var.sg_id != null ? var.sg_id : module.vpc.default_security_group_id"
	call := {"address": "module.ec2", "name": "ec2", "source": "terraform-aws-modules/ec2-instance/aws", "config": {"vpc_security_group_ids": [{"$unknown": text}]}}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [call]}
}

# Session 23 review (R1): other publishers' inputs of the same names may be rule sources, not
# attachments (cloudposse/rds/aws: security_group_ids are "the security groups from which to allow
# ingress traffic to the DB instance"): only terraform-aws-modules calls and local modules are read.
test_other_publishers_module_passes if {
	call := {"address": "module.db", "name": "db", "source": "cloudposse/rds/aws", "config": {"security_group_ids": [{"$unknown": "module.vpc.default_security_group_id"}]}}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [call]}
	local := object.union(call, {"source": "./db", "dir": "db"})
	count(rule.deny) == 1 with input as {"resources": [], "modules": [local]}
}
