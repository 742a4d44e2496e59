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

# Edge cases of the reference lookups: keyed and un-keyed forms, self-references, module calls.

_group(address, name) := {"address": address, "type": "aws_security_group", "name": name, "config": {"name": name}, "references": []}

_instance(references) := {"address": "aws_instance.web", "type": "aws_instance", "name": "web", "config": {"vpc_security_group_ids": [{"$unknown": "x"}]}, "references": references}

_unused(address) := {"msg": sprintf("%s is not attached to anything in this module", [address]), "resource": address, "path": []}

test_splat_reference_uses_every_instance if {
	count(rule.warn) == 0 with input as {"resources": [
		_group("aws_security_group.web[0]", "web"), _group("aws_security_group.web[1]", "web"),
		_instance([{"path": ["vpc_security_group_ids", 0], "target": "aws_security_group.web"}]),
	]}
}

test_keyed_reference_uses_only_its_instance if {
	rule.warn == {_unused("aws_security_group.web[1]")} with input as {"resources": [
		_group("aws_security_group.web[0]", "web-0"), _group("aws_security_group.web[1]", "web-1"),
		_instance([{"path": ["vpc_security_group_ids", 0], "target": "aws_security_group.web[0]"}]),
	]}
}

test_keyed_reference_uses_an_unexpanded_group if {
	count(rule.warn) == 0 with input as {"resources": [
		_group(`aws_security_group.web`, "web"),
		_instance([{"path": ["vpc_security_group_ids", 0], "target": `aws_security_group.web["a"]`}]),
	]}
}

test_reference_to_a_keyed_module_call_uses_its_groups if {
	count(rule.warn) == 0 with input as {"resources": [
		_group(`module.net["a"].aws_security_group.web`, "web"),
		_instance([{"path": ["vpc_security_group_ids", 0], "target": "module.net"}]),
	]}
}

test_reference_to_another_group_of_that_name_does_not_count if {
	rule.warn == {_unused("aws_security_group.web")} with input as {"resources": [
		_group("aws_security_group.web", "web"),
		_instance([{"path": ["vpc_security_group_ids", 0], "target": "aws_security_group.web2"}]),
	]}
}

test_self_references_do_not_count if {
	rule.warn == {_unused("aws_security_group.web"), _unused("aws_security_group.db[0]")} with input as {"resources": [
		object.union(_group("aws_security_group.web", "web"), {"references": [{"path": ["ingress", 0, "security_groups", 0], "target": "aws_security_group.web"}]}),
		object.union(_group("aws_security_group.db[0]", "db"), {"references": [{"path": ["ingress", 0, "security_groups", 0], "target": "aws_security_group.db"}]}),
	]}
}

test_a_group_referencing_another_uses_it if {
	rule.warn == {_unused("aws_security_group.web")} with input as {"resources": [
		object.union(_group("aws_security_group.web", "web"), {"references": [{"path": ["ingress", 0, "security_groups", 0], "target": "aws_security_group.db[0]"}]}),
		_group("aws_security_group.db[0]", "db"),
	]}
}

test_rule_resources_in_keyed_form_do_not_count if {
	rule.warn == {_unused("aws_security_group.web[0]")} with input as {"resources": [
		_group("aws_security_group.web[0]", "web"),
		{"address": "aws_vpc_security_group_ingress_rule.ssh", "type": "aws_vpc_security_group_ingress_rule", "name": "ssh", "config": {}, "references": [{"path": ["security_group_id"], "target": "aws_security_group.web"}]},
	]}
}

test_module_argument_text_names_a_for_each_group if {
	count(rule.warn) == 0 with input as {
		"resources": [_group(`aws_security_group.web["a"]`, "web")],
		"modules": [{"address": "module.app", "name": "app", "source": "./app", "config": {"groups": [{"$unknown": `aws_security_group.web["a"].id`}]}}],
	}
}

test_nested_text_names_a_for_each_group if {
	count(rule.warn) == 0 with input as {"resources": [
		_group(`aws_security_group.web["a"]`, "web"),
		{"address": "aws_ecs_service.app", "type": "aws_ecs_service", "name": "app", "config": {"network_configuration": [{"security_groups": [{"$unknown": `aws_security_group.web["a"].id`}]}]}, "references": []},
	]}
}

# The configuration's JSON text escapes the key's quotes and HTML characters: the pre-filter
# looks for the prefix escaped the same way.
test_nested_text_names_a_group_whose_key_json_escapes if {
	count(rule.warn) == 0 with input as {"resources": [
		_group(`aws_security_group.web["a<b&c"]`, "web"),
		{"address": "aws_ecs_service.app", "type": "aws_ecs_service", "name": "app", "config": {"network_configuration": [{"security_groups": [{"$unknown": `aws_security_group.web["a<b&c"].id`}]}]}, "references": []},
	]}
}

# The text search only looks for groups nothing references: one group referenced, another named
# in nested text, a third in neither.
test_text_names_a_group_beside_a_referenced_one if {
	rule.warn == {_unused("aws_security_group.idle")} with input as {"resources": [
		_group("aws_security_group.ref", "ref"),
		_group("aws_security_group.text", "text"),
		_group("aws_security_group.idle", "idle"),
		{"address": "aws_instance.web", "type": "aws_instance", "name": "web", "config": {"vpc_security_group_ids": [{"$unknown": "aws_security_group.ref.id"}]}, "references": [{"path": ["vpc_security_group_ids", 0], "target": "aws_security_group.ref"}]},
		{"address": "aws_ecs_service.app", "type": "aws_ecs_service", "name": "app", "config": {"network_configuration": [{"security_groups": [{"$unknown": "aws_security_group.text.id"}]}]}, "references": []},
	]}
}

test_text_elsewhere_in_a_config_with_group_attributes_does_not_count if {
	rule.warn == {_unused("aws_security_group.app")} with input as {"resources": [
		_group("aws_security_group.app", "app"),
		{"address": "aws_instance.web", "type": "aws_instance", "name": "web", "config": {"security_groups": ["default"], "tags": {"note": "aws_security_group.app.id"}}, "references": []},
	]}
}

test_unknown_group_name_is_not_matched if {
	rule.warn == {_unused("aws_security_group.app")} with input as {"resources": [
		{"address": "aws_security_group.app", "type": "aws_security_group", "name": "app", "config": {"name": {"$unknown": "var.name"}}, "references": []},
		{"address": "aws_instance.web", "type": "aws_instance", "name": "web", "config": {"security_groups": ["app"]}, "references": []},
	]}
}

test_group_list_from_a_data_source_does_not_silence if {
	rule.warn == {_unused("aws_security_group.app")} with input as {"resources": [
		_group("aws_security_group.app", "app"),
		{"address": "aws_instance.web", "type": "aws_instance", "name": "web", "config": {"vpc_security_group_ids": {"$unknown": "data.aws_security_groups.all.ids"}}, "references": [{"path": ["vpc_security_group_ids"], "target": "data.aws_security_groups.all"}]},
	]}
}

test_unknown_element_of_a_group_list_silences if {
	count(rule.warn) == 0 with input as {"resources": [
		_group("aws_security_group.app", "app"),
		{"address": "aws_instance.web", "type": "aws_instance", "name": "web", "config": {"vpc_security_group_ids": ["sg-1", {"$unknown": "var.extra"}]}, "references": []},
	]}
}

# A group inside a local module, named as text by a registry call in the same module: the text is
# relative to that module. The same text in another module names that module's own group.
test_text_names_a_group_within_its_module if {
	group := _group("module.app.aws_security_group.db", "db")
	call := {"address": "module.app.module.rds", "name": "rds", "source": "terraform-aws-modules/rds/aws", "config": {"vpc_security_group_ids": [{"$unknown": "aws_security_group.db.id"}]}}
	count(rule.warn) == 0 with input as {"resources": [group], "modules": [call]}
	elsewhere := object.union(call, {"address": "module.other.module.rds"})
	rule.warn == {_unused("module.app.aws_security_group.db")} with input as {"resources": [group], "modules": [elsewhere]}
	root := object.union(call, {"address": "module.rds"})
	rule.warn == {_unused("module.app.aws_security_group.db")} with input as {"resources": [group], "modules": [root]}
}
