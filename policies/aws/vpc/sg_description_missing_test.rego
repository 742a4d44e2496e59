package palisade.aws.vpc.sg_description_missing_test

import data.palisade.aws.vpc.sg_description_missing as rule

test_fires_without_description if {
	rule.deny == {{"msg": "aws_security_group.web has no description", "resource": "aws_security_group.web", "path": ["description"]}} with input as {"resources": [{"address": "aws_security_group.web", "type": "aws_security_group", "name": "web", "config": {"name": "web"}, "references": []}]}
}

test_passes_with_description if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_security_group.web", "type": "aws_security_group", "name": "web", "config": {"description": "HTTPS from the ALB"}, "references": []}]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_security_group.web", "type": "aws_security_group", "name": "web", "config": {"description": {"$unknown": "var.x"}}, "references": []}]}
}

# description = "" says nothing to a reviewer (and the provider replaces it with its default).
test_empty_description_fires if {
	count(rule.deny) == 1 with input as {"resources": [{"address": "aws_security_group.web", "type": "aws_security_group", "name": "web", "config": {"name": "web", "description": ""}, "references": []}]}
}

# Writing the provider's default out is the same group as leaving it out.
test_provider_default_written_out_fires if {
	rule.deny == {{"msg": "aws_security_group.web has only Terraform's default description, \"Managed by Terraform\"", "resource": "aws_security_group.web", "path": ["description"]}} with input as {"resources": [{"address": "aws_security_group.web", "type": "aws_security_group", "name": "web", "config": {"name": "web", "description": "Managed by Terraform"}, "references": []}]}
}

# terraform-aws-modules/security-group calls (and its submodules) create a group too.
sg_module(config) := {"address": "module.web", "name": "web", "source": "terraform-aws-modules/security-group/aws", "version": "5.1.0", "config": config}

test_module_without_description_fires if {
	rule.deny == {{
		"msg": "module.web creates a security group without a description (only the module's placeholder)",
		"resource": "module.web", "path": ["description"],
	}} with input as {"resources": [], "modules": [sg_module({"name": "web"})]}
}

test_module_null_description_fires if {
	count(rule.deny) == 1 with input as {"resources": [], "modules": [sg_module({"name": "web", "description": null})]}
}

test_submodule_without_description_fires if {
	m := object.union(sg_module({"name": "web"}), {"source": "terraform-aws-modules/security-group/aws//modules/https-443"})
	count(rule.deny) == 1 with input as {"resources": [], "modules": [m]}
}

test_module_with_description_passes if {
	count(rule.deny) == 0 with input as {"resources": [], "modules": [sg_module({"description": "HTTPS from the ALB"})]}
}

# create_sg = false adds rules to an existing group (security_group_id); create = false, nothing.
test_module_creating_no_group_passes if {
	count(rule.deny) == 0 with input as {"resources": [], "modules": [
		sg_module({"create_sg": false, "security_group_id": "sg-0123"}),
		object.union(sg_module({"create": false}), {"address": "module.off"}),
		object.union(sg_module({"create_sg": {"$unknown": "var.create"}}), {"address": "module.maybe"}),
	]}
}

test_unknown_module_description_passes if {
	count(rule.deny) == 0 with input as {"resources": [], "modules": [sg_module({"description": {"$unknown": "var.description"}})]}
}
