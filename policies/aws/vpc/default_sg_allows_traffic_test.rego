package palisade.aws.vpc.default_sg_allows_traffic_test

import data.palisade.aws.vpc.default_sg_allows_traffic as rule

sg(config) := {"address": "aws_default_security_group.default", "type": "aws_default_security_group", "name": "default", "config": config, "references": []}

test_rule_fires_with_remove_fix if {
	rule.deny == {{
		"msg": "the default security group aws_default_security_group.default has an ingress rule",
		"resource": "aws_default_security_group.default", "path": ["ingress"],
		"fix": [{"op": "remove", "path": ["ingress"]}],
	}} with input as {"resources": [sg({"vpc_id": "vpc-1", "ingress": [{"protocol": "-1", "self": true}]})]}
}

test_no_rules_passes if {
	count(rule.deny) == 0 with input as {"resources": [sg({"vpc_id": "vpc-1"})]}
}

test_unknown_rules_do_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [sg({"vpc_id": "vpc-1", "ingress": {"$unknown": "var.rules"}})]}
}

default_group := {"address": "aws_default_security_group.main", "type": "aws_default_security_group", "name": "main", "config": {"vpc_id": {"$unknown": "aws_vpc.main.id"}}, "references": [{"path": ["vpc_id"], "target": "aws_vpc.main"}]}

vpc(address, name) := {"address": address, "type": "aws_vpc", "name": name, "config": {"cidr_block": "10.0.0.0/16"}, "references": []}

test_rule_resource_on_the_default_group_fires if {
	ingress := {
		"address": "aws_vpc_security_group_ingress_rule.web", "type": "aws_vpc_security_group_ingress_rule", "name": "web",
		"config": {"security_group_id": {"$unknown": "aws_default_security_group.main.id"}, "cidr_ipv4": "10.0.0.0/8", "ip_protocol": "tcp", "from_port": 80, "to_port": 80},
		"references": [{"path": ["security_group_id"], "target": "aws_default_security_group.main"}],
	}
	egress := {
		"address": "aws_security_group_rule.out", "type": "aws_security_group_rule", "name": "out",
		"config": {"type": "egress", "security_group_id": {"$unknown": "aws_default_security_group.main.id"}, "protocol": "-1", "from_port": 0, "to_port": 0, "cidr_blocks": ["0.0.0.0/0"]},
		"references": [{"path": ["security_group_id"], "target": "aws_default_security_group.main"}],
	}
	rule.deny == {
		{"msg": "aws_vpc_security_group_ingress_rule.web adds an ingress rule to the default security group aws_default_security_group.main", "resource": "aws_vpc_security_group_ingress_rule.web", "path": []},
		{"msg": "aws_security_group_rule.out adds an egress rule to the default security group aws_default_security_group.main", "resource": "aws_security_group_rule.out", "path": []},
	} with input as {"resources": [vpc("aws_vpc.main", "main"), default_group, ingress, egress]}
}

test_rule_resource_on_another_group_passes if {
	other := {
		"address": "aws_security_group_rule.app", "type": "aws_security_group_rule", "name": "app",
		"config": {"type": "ingress", "security_group_id": {"$unknown": "aws_security_group.app.id"}, "protocol": "tcp", "from_port": 443, "to_port": 443, "cidr_blocks": ["10.0.0.0/8"]},
		"references": [{"path": ["security_group_id"], "target": "aws_security_group.app"}],
	}
	count(rule.deny) == 0 with input as {"resources": [vpc("aws_vpc.main", "main"), default_group, other]}
}

test_vpc_without_managed_default_group_fires_with_add_fix if {
	rule.deny == {{
		"msg": "aws_vpc.main leaves its default security group with AWS's default rules (all traffic within the group, all outbound)",
		"resource": "aws_vpc.main", "path": [],
		"fix": [{"op": "add_resource", "type": "aws_default_security_group", "name": "main", "config": {"vpc_id": {"$expr": "aws_vpc.main.id"}}}],
	}} with input as {"resources": [vpc("aws_vpc.main", "main")]}
}

test_vpc_with_managed_default_group_passes if {
	count(rule.deny) == 0 with input as {"resources": [vpc("aws_vpc.main", "main"), default_group]}
}

test_unresolved_default_group_keeps_vpcs_quiet if {
	unresolved := {"address": "aws_default_security_group.main", "type": "aws_default_security_group", "name": "main", "config": {"vpc_id": {"$unknown": "var.vpc_id"}}, "references": []}
	count(rule.deny) == 0 with input as {"resources": [vpc("aws_vpc.main", "main"), vpc("aws_vpc.other", "other"), unresolved]}
}

test_splat_reference_to_a_vpc_counts_as_managed if {
	group := object.union(default_group, {"references": [{"path": ["vpc_id"], "target": "aws_vpc.main"}]})
	count(rule.deny) == 0 with input as {"resources": [vpc("aws_vpc.main[0]", "main"), group]}
}

test_default_group_of_another_vpc_leaves_this_one_unmanaged if {
	rule.deny == {{
		"msg": "aws_vpc.other leaves its default security group with AWS's default rules (all traffic within the group, all outbound)",
		"resource": "aws_vpc.other", "path": [],
		"fix": [{"op": "add_resource", "type": "aws_default_security_group", "name": "other", "config": {"vpc_id": {"$expr": "aws_vpc.other.id"}}}],
	}} with input as {"resources": [vpc("aws_vpc.main", "main"), vpc("aws_vpc.other", "other"), default_group]}
}

test_rule_resource_on_a_counted_default_group_fires if {
	group := object.union(default_group, {"address": "aws_default_security_group.main[0]"})
	ingress := {
		"address": "aws_security_group_rule.web", "type": "aws_security_group_rule", "name": "web",
		"config": {"type": "ingress", "security_group_id": {"$unknown": "aws_default_security_group.main[0].id"}, "protocol": "tcp", "from_port": 80, "to_port": 80},
		"references": [{"path": ["security_group_id"], "target": "aws_default_security_group.main"}],
	}
	rule.deny == {{"msg": "aws_security_group_rule.web adds an ingress rule to the default security group aws_default_security_group.main[0]", "resource": "aws_security_group_rule.web", "path": []}} with input as {"resources": [vpc("aws_vpc.main", "main"), group, ingress]}
}

test_rule_resource_of_unknown_type_does_not_fire if {
	rule_resource := {
		"address": "aws_security_group_rule.web", "type": "aws_security_group_rule", "name": "web",
		"config": {"type": {"$unknown": "var.direction"}, "security_group_id": {"$unknown": "aws_default_security_group.main.id"}},
		"references": [{"path": ["security_group_id"], "target": "aws_default_security_group.main"}],
	}
	count(rule.deny) == 0 with input as {"resources": [vpc("aws_vpc.main", "main"), default_group, rule_resource]}
}

test_other_attributes_referencing_the_default_group_do_not_fire if {
	rule_resource := {
		"address": "aws_security_group_rule.web", "type": "aws_security_group_rule", "name": "web",
		"config": {"type": "ingress", "security_group_id": "sg-1", "source_security_group_id": {"$unknown": "aws_default_security_group.main.id"}},
		"references": [{"path": ["source_security_group_id"], "target": "aws_default_security_group.main"}],
	}
	count(rule.deny) == 0 with input as {"resources": [vpc("aws_vpc.main", "main"), default_group, rule_resource]}
}

# Vendor example (HashiCorp's FSBP EC2.2 tests): rule resources that reach the default group
# through the VPC's default_security_group_id attribute.
test_rule_on_vpc_default_security_group_id_fires if {
	r := {"address": "aws_security_group_rule.rule", "type": "aws_security_group_rule", "name": "rule", "config": {"type": "ingress", "security_group_id": {"$unknown": "aws_vpc.one.default_security_group_id"}, "cidr_blocks": ["0.0.0.0/0"]}, "references": [{"path": ["security_group_id"], "target": "aws_vpc.one", "attribute": "default_security_group_id"}]}
	rule.deny == {{"msg": "aws_security_group_rule.rule adds an ingress rule to the default security group of aws_vpc.one", "resource": "aws_security_group_rule.rule", "path": []}} with input as {"resources": [r]}
}

test_rule_on_default_vpc_default_security_group_id_fires if {
	r := {"address": "aws_vpc_security_group_egress_rule.out", "type": "aws_vpc_security_group_egress_rule", "name": "out", "config": {"security_group_id": {"$unknown": "x"}, "cidr_ipv4": "0.0.0.0/0", "ip_protocol": "-1"}, "references": [{"path": ["security_group_id"], "target": "aws_default_vpc.this", "attribute": "default_security_group_id"}]}
	rule.deny == {{"msg": "aws_vpc_security_group_egress_rule.out adds an egress rule to the default security group of aws_default_vpc.this", "resource": "aws_vpc_security_group_egress_rule.out", "path": []}} with input as {"resources": [r]}
}

test_rule_on_vpc_id_or_other_group_passes if {
	r := {"address": "aws_security_group_rule.rule", "type": "aws_security_group_rule", "name": "rule", "config": {"type": "ingress", "security_group_id": {"$unknown": "x"}}, "references": [{"path": ["security_group_id"], "target": "aws_security_group.app", "attribute": "id"}]}
	count(rule.deny) == 0 with input as {"resources": [r]}
}

call(config) := {"address": "module.vpc", "source": "terraform-aws-modules/vpc/aws", "config": config}

test_opaque_module_default_group_rules_fire if {
	rule.deny == {{
		"msg": "the default security group of module.vpc has an ingress rule", "resource": "module.vpc", "path": ["default_security_group_ingress"],
		"fix": [{"op": "set", "path": ["default_security_group_ingress"], "value": []}],
	}} with input as {"resources": [], "modules": [call({"default_security_group_ingress": [{"self": true}]})]}
	old := {"address": "module.vpc", "source": "terraform-aws-modules/vpc/aws", "version": "~> 4.0", "config": {"manage_default_security_group": true, "default_security_group_egress": [{"cidr_blocks": "0.0.0.0/0"}]}}
	count(rule.deny) == 1 with input as {"resources": [], "modules": [old]}
}

test_opaque_module_not_adopting_its_default_group_fires if {
	rule.deny == {{
		"msg": "module.vpc leaves its default security group with AWS's default rules (all traffic within the group, all outbound)",
		"resource": "module.vpc", "path": ["manage_default_security_group"],
		"fix": [{"op": "set", "path": ["manage_default_security_group"], "value": true}],
	}} with input as {"resources": [], "modules": [call({"manage_default_security_group": false})]}
	old := {"address": "module.vpc", "source": "terraform-aws-modules/vpc/aws", "version": "4.0.2", "config": {}}
	some f in rule.deny with input as {"resources": [], "modules": [old]}
	not f.fix
}

test_opaque_module_adopting_its_group_without_rules_passes if {
	count(rule.deny) == 0 with input as {"resources": [], "modules": [call({})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [call({"manage_default_security_group": true, "default_security_group_ingress": []})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [call({"manage_default_security_group": {"$unknown": "var.m"}})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [call({"manage_default_security_group": false, "create_vpc": false})]}
	old := {"address": "module.vpc", "source": "terraform-aws-modules/vpc/aws", "version": "~> 4.0", "config": {"manage_default_security_group": true}}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [old]}
	adopted := {"address": "aws_default_security_group.this", "type": "aws_default_security_group", "name": "this", "config": {"vpc_id": {"$unknown": "module.vpc.vpc_id"}}, "references": [{"path": ["vpc_id"], "target": "module.vpc", "attribute": "vpc_id"}]}
	count(rule.deny) == 0 with input as {"resources": [adopted], "modules": [call({"manage_default_security_group": false})]}
}

# Held-out s17/h10 (AWS provider lambda-file-systems example): the function and the EFS mount
# targets sit in the adopted default group and use its rules, so the finding stays without a fix.
test_rules_of_a_default_group_in_use_have_no_fix if {
	group := sg({"vpc_id": "vpc-1", "ingress": [{"protocol": "-1", "self": true}], "egress": [{"protocol": "-1", "cidr_blocks": ["0.0.0.0/0"]}]})
	mount := {
		"address": "aws_efs_mount_target.az1", "type": "aws_efs_mount_target", "name": "az1",
		"config": {"file_system_id": "fs-1", "security_groups": [{"$unknown": "aws_default_security_group.default.id"}]},
		"references": [{"path": ["security_groups", 0], "target": "aws_default_security_group.default"}],
	}
	rule.deny == {
		{"msg": "the default security group aws_default_security_group.default has an ingress rule (resources here use the group: give them their own group before emptying it)", "resource": "aws_default_security_group.default", "path": ["ingress"]},
		{"msg": "the default security group aws_default_security_group.default has an egress rule (resources here use the group: give them their own group before emptying it)", "resource": "aws_default_security_group.default", "path": ["egress"]},
	} with input as {"resources": [group, mount]}
}

# A rule resource attached to the group does not count as a member using it.
test_rule_resource_alone_keeps_the_inline_fix if {
	group := sg({"vpc_id": "vpc-1", "ingress": [{"protocol": "-1", "self": true}]})
	extra := {
		"address": "aws_security_group_rule.out", "type": "aws_security_group_rule", "name": "out",
		"config": {"type": "egress", "security_group_id": {"$unknown": "aws_default_security_group.default.id"}, "protocol": "-1", "from_port": 0, "to_port": 0, "cidr_blocks": ["0.0.0.0/0"]},
		"references": [{"path": ["security_group_id"], "target": "aws_default_security_group.default"}],
	}
	some f in rule.deny with input as {"resources": [group, extra]}
	f.resource == "aws_default_security_group.default"
	f.fix == [{"op": "remove", "path": ["ingress"]}]
}

# Held-out round 18 (Wavelength sample): an instance in one of the VPC's subnets names no security
# group, so it runs in the default group; adopting the group without rules would cut its traffic.
test_no_adopt_fix_when_an_instance_uses_the_default_group_implicitly if {
	subnet := {"address": "aws_subnet.a", "type": "aws_subnet", "name": "a", "config": {"vpc_id": {"$unknown": "aws_vpc.main.id"}}, "references": [{"path": ["vpc_id"], "target": "aws_vpc.main", "attribute": "id"}]}
	inst := {"address": "aws_instance.web", "type": "aws_instance", "name": "web", "config": {"subnet_id": {"$unknown": "aws_subnet.a.id"}}, "references": [{"path": ["subnet_id"], "target": "aws_subnet.a", "attribute": "id"}]}
	some f in rule.deny with input as {"resources": [vpc("aws_vpc.main", "main"), subnet, inst]}
	not f.fix
	endswith(f.msg, "(no fix: an instance in its subnets names no security group, so it runs in the default group; give it its own group first)")
	with_group := object.union(inst, {"config": {"subnet_id": {"$unknown": "aws_subnet.a.id"}, "vpc_security_group_ids": ["sg-0123456789abcdef0"]}})
	some g in rule.deny with input as {"resources": [vpc("aws_vpc.main", "main"), subnet, with_group]}
	count(g.fix) == 1
}
