package palisade.aws.vpc.sg_unused_test

import data.palisade.aws.vpc.sg_unused as rule

test_fires_on_unattached_group if {
	rule.warn == {{"msg": "aws_security_group.unused is not attached to anything in this module", "resource": "aws_security_group.unused", "path": []}} with input as {"resources": [{"address": "aws_security_group.unused", "type": "aws_security_group", "name": "unused", "config": {"name": "unused", "description": "x"}, "references": []}, {"address": "aws_instance.web", "type": "aws_instance", "name": "web", "config": {"vpc_security_group_ids": [{"$unknown": "aws_security_group.used.id"}]}, "references": [{"path": ["vpc_security_group_ids", 0], "target": "aws_security_group.used"}]}, {"address": "aws_security_group.used", "type": "aws_security_group", "name": "used", "config": {"name": "used"}, "references": []}]}
}

test_passes_when_attached if {
	count(rule.warn) == 0 with input as {"resources": [{"address": "aws_security_group.unused", "type": "aws_security_group", "name": "unused", "config": {"name": "unused"}, "references": []}, {"address": "aws_instance.web", "type": "aws_instance", "name": "web", "config": {"vpc_security_group_ids": [{"$unknown": "aws_security_group.unused.id"}]}, "references": [{"path": ["vpc_security_group_ids", 0], "target": "aws_security_group.unused"}]}]}
}

test_rules_do_not_count_as_use if {
	rule.warn == {{"msg": "aws_security_group.unused is not attached to anything in this module", "resource": "aws_security_group.unused", "path": []}} with input as {"resources": [{"address": "aws_security_group.unused", "type": "aws_security_group", "name": "unused", "config": {"name": "unused"}, "references": []}, {"address": "aws_security_group_rule.ssh", "type": "aws_security_group_rule", "name": "ssh", "config": {"security_group_id": {"$unknown": "x"}}, "references": [{"path": ["security_group_id"], "target": "aws_security_group.unused"}]}]}
}

test_passes_when_named if {
	count(rule.warn) == 0 with input as {"resources": [{"address": "aws_security_group.unused", "type": "aws_security_group", "name": "unused", "config": {"name": "unused"}, "references": []}, {"address": "aws_instance.web", "type": "aws_instance", "name": "web", "config": {"security_groups": ["unused"]}, "references": []}]}
}

test_passes_when_a_module_uses_it if {
	count(rule.warn) == 0 with input as {"resources": [{"address": "aws_security_group.unused", "type": "aws_security_group", "name": "unused", "config": {"name": "unused"}, "references": []}], "modules": [{"address": "module.http", "name": "http", "source": "terraform-aws-modules/security-group/aws//modules/http-80", "config": {"security_group_id": {"$unknown": "aws_security_group.unused.id"}}}]}
}

test_unknown_group_list_does_not_fire if {
	count(rule.warn) == 0 with input as {"resources": [{"address": "aws_security_group.unused", "type": "aws_security_group", "name": "unused", "config": {"name": "unused"}, "references": []}, {"address": "aws_instance.web", "type": "aws_instance", "name": "web", "config": {"security_groups": {"$unknown": "var.groups"}}, "references": []}]}
}

test_passes_when_a_nested_group_list_names_it_as_text if {
	count(rule.warn) == 0 with input as {"resources": [{"address": "aws_security_group.app", "type": "aws_security_group", "name": "app", "config": {"name": "app"}, "references": []}, {"address": "aws_launch_template.web", "type": "aws_launch_template", "name": "web", "config": {"network_interfaces": [{"security_groups": ["aws_security_group.app.id"]}]}, "references": []}]}
}

test_passes_when_a_nested_unknown_group_list_reads_it if {
	count(rule.warn) == 0 with input as {"resources": [{"address": "aws_security_group.app", "type": "aws_security_group", "name": "app", "config": {"name": "app"}, "references": []}, {"address": "aws_lambda_function.fn", "type": "aws_lambda_function", "name": "fn", "config": {"vpc_config": [{"security_group_ids": {"$unknown": "concat([aws_security_group.app.id], var.extra)"}}]}, "references": []}]}
}

test_fires_when_the_text_is_not_a_group_attribute if {
	rule.warn == {{"msg": "aws_security_group.app is not attached to anything in this module", "resource": "aws_security_group.app", "path": []}} with input as {"resources": [{"address": "aws_security_group.app", "type": "aws_security_group", "name": "app", "config": {"name": "app"}, "references": []}, {"address": "aws_instance.web", "type": "aws_instance", "name": "web", "config": {"tags": {"note": "aws_security_group.app.id"}}, "references": []}]}
}

test_passes_when_a_module_argument_names_it_as_text if {
	count(rule.warn) == 0 with input as {"resources": [{"address": "aws_security_group.app", "type": "aws_security_group", "name": "app", "config": {"name": "app"}, "references": []}], "modules": [{"address": "module.db", "name": "db", "source": "./db", "config": {"groups": ["aws_security_group.app.id"]}}]}
}
