package palisade.aws.ecr.tags_mutable_test

import data.palisade.aws.ecr.tags_mutable as rule

test_bad_value_fires if {
	rule.deny == {{"msg": "aws_ecr_repository.this allows image tags to be overwritten", "resource": "aws_ecr_repository.this", "path": ["image_tag_mutability"], "fix": [{"op": "set", "path": ["image_tag_mutability"], "value": "IMMUTABLE"}]}} with input as {"resources": [{"address": "aws_ecr_repository.this", "type": "aws_ecr_repository", "name": "this", "config": {"image_tag_mutability": "MUTABLE"}, "references": []}]}
}

test_unset_fires if {
	rule.deny == {{"msg": "aws_ecr_repository.this allows image tags to be overwritten", "resource": "aws_ecr_repository.this", "path": ["image_tag_mutability"], "fix": [{"op": "set", "path": ["image_tag_mutability"], "value": "IMMUTABLE"}]}} with input as {"resources": [{"address": "aws_ecr_repository.this", "type": "aws_ecr_repository", "name": "this", "config": {}, "references": []}]}
}

test_good_value_passes if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_ecr_repository.this", "type": "aws_ecr_repository", "name": "this", "config": {"image_tag_mutability": "IMMUTABLE"}, "references": []}]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_ecr_repository.this", "type": "aws_ecr_repository", "name": "this", "config": {"image_tag_mutability": {"$unknown": "var.x"}}, "references": []}]}
}

call(config) := {"address": "module.r", "source": "terraform-aws-modules/ecr/aws", "config": config}

test_opaque_module_with_mutable_tags_fires if {
	rule.deny == {{
		"msg": "module.r allows image tags to be overwritten", "resource": "module.r", "path": ["repository_image_tag_mutability"],
		"fix": [{"op": "set", "path": ["repository_image_tag_mutability"], "value": "IMMUTABLE"}],
	}} with input as {"resources": [], "modules": [call({"repository_image_tag_mutability": "MUTABLE"})]}
}

test_opaque_module_default_immutable_or_unknown_passes if {
	count(rule.deny) == 0 with input as {"resources": [], "modules": [call({})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [call({"repository_image_tag_mutability": "IMMUTABLE_WITH_EXCLUSION"})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [call({"repository_image_tag_mutability": {"$unknown": "var.m"}})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [call({"repository_image_tag_mutability": "MUTABLE", "create": false})]}
}

repo := {"address": "aws_ecr_repository.app", "type": "aws_ecr_repository", "name": "app", "config": {"image_tag_mutability": "MUTABLE"}, "references": []}

url_ref(path) := {"path": path, "target": "aws_ecr_repository.app", "attribute": "repository_url"}

task := {
	"address": "aws_ecs_task_definition.app", "type": "aws_ecs_task_definition", "name": "app",
	"config": {"container_definitions": [{"name": "app", "image": {"$unknown": `"${aws_ecr_repository.app.repository_url}:latest"`}}]},
	"references": [url_ref(["container_definitions", 0, "image"])],
}

lambda := {
	"address": "aws_lambda_function.fn", "type": "aws_lambda_function", "name": "fn",
	"config": {"image_uri": {"$unknown": `"${aws_ecr_repository.app.repository_url}:prod"`}},
	"references": [url_ref(["image_uri"])],
}

aws(version) := {"aws": [version]}

filter(tag) := {"op": "add_block", "path": [], "type": "image_tag_mutability_exclusion_filter", "repeatable": true, "config": {"filter": tag, "filter_type": "WILDCARD"}}

# A moving tag the configuration deploys, with hashicorp/aws 6.8.0+ required: IMMUTABLE_WITH_EXCLUSION
# and one exclusion filter per tag (sorted), so the deployment's pushes of that tag keep working.
test_deployed_moving_tags_get_exclusion_filters if {
	every version in [">= 6.8", "~> 6.10", ">= 6.8.0, < 7.0", "6.20.1", "> 6.9", ">= 7.0"] {
		findings := rule.deny with input as {"resources": [repo, task, lambda], "required_providers": aws(version)}
		findings == {{
			"msg": "aws_ecr_repository.app allows image tags to be overwritten (the configuration deploys :latest, :prod from it, which IMMUTABLE would refuse to push again; exclusion filters keep them mutable)",
			"resource": "aws_ecr_repository.app", "path": ["image_tag_mutability"],
			"fix": [{"op": "set", "path": ["image_tag_mutability"], "value": "IMMUTABLE_WITH_EXCLUSION"}, filter("latest"), filter("prod")],
		}}
	}
}

# Without a constraint that rules out providers older than 6.8.0: no fix, and the message says why.
test_no_fix_when_the_provider_may_be_older if {
	every req in [{}, aws(">= 5.0"), aws("~> 6.7"), aws("> 6.7.9"), aws("6.7.0"), {"random": [">= 6.8"]}] {
		scanned := {"resources": [repo, task], "required_providers": req}
		some f in rule.deny with input as scanned
		not f.fix
		f.msg == "aws_ecr_repository.app allows image tags to be overwritten (the configuration deploys :latest from it, which IMMUTABLE would refuse to push again; no fix: exclusion filters need hashicorp/aws 6.8.0 or later in required_providers)"
	}
}

# Terraform installs one version meeting every constraint: a module's lower bound counts as well.
test_any_constraint_of_the_unit_bounds_the_version if {
	some f in rule.deny with input as {"resources": [repo, task], "required_providers": {"aws": [">= 5.0", "~> 6.8"]}}
	f.fix[0].value == "IMMUTABLE_WITH_EXCLUSION"
}

# A module argument deploying the tag counts too (module calls carry no references).
test_module_argument_deploys_a_tag if {
	call := {"address": "module.svc", "name": "svc", "source": "./svc", "config": {"image": {"$unknown": `"${aws_ecr_repository.app.repository_url}:stable"`}}}
	some f in rule.deny with input as {"resources": [repo], "modules": [call]}
	contains(f.msg, "deploys :stable from it")
	not f.fix
}

# Version-like tags, digests and variable tags are not moving tags: IMMUTABLE as usual.
test_pinned_or_variable_tags_keep_the_immutable_fix if {
	call := {"address": "module.svc", "name": "svc", "source": "./svc", "config": {
		"a": {"$unknown": `"${aws_ecr_repository.app.repository_url}:v1.2.3"`},
		"b": {"$unknown": `"${aws_ecr_repository.app.repository_url}:2024.01.5"`},
		"c": {"$unknown": `"${aws_ecr_repository.app.repository_url}:3f9a2c1"`},
		"d": {"$unknown": `"${aws_ecr_repository.app.repository_url}:${var.tag}"`},
		"e": {"$unknown": `"${aws_ecr_repository.app.repository_url}@${var.digest}"`},
		"f": {"$unknown": `"${aws_ecr_repository.other.repository_url}:latest"`},
	}}
	rule.deny == {{
		"msg": "aws_ecr_repository.app allows image tags to be overwritten", "resource": "aws_ecr_repository.app", "path": ["image_tag_mutability"],
		"fix": [{"op": "set", "path": ["image_tag_mutability"], "value": "IMMUTABLE"}],
	}} with input as {"resources": [repo], "modules": [call]}
}

# A repository in a child module is matched by the text relative to its module.
test_child_module_scope if {
	child_repo := object.union(repo, {"address": "module.reg.aws_ecr_repository.app", "module": "module.reg"})
	some f in rule.deny with input as {"resources": [child_repo, task]}
	f.msg == "module.reg.aws_ecr_repository.app allows image tags to be overwritten"
}

# The terraform-aws-modules/ecr form: a moving tag deployed from module.x.repository_url withholds the fix.
test_opaque_module_with_a_deployed_moving_tag_has_no_fix if {
	ecr := call({"repository_image_tag_mutability": "MUTABLE"})
	fn := object.union(lambda, {"config": {"image_uri": {"$unknown": `"${module.r.repository_url}:latest"`}}, "references": [{"path": ["image_uri"], "target": "module.r", "attribute": "repository_url"}]})
	some f in rule.deny with input as {"resources": [fn], "modules": [ecr]}
	f.resource == "module.r"
	not f.fix
	f.msg == "module.r allows image tags to be overwritten (the configuration deploys :latest from it, which IMMUTABLE would refuse to push again; no fix: the module's exclusion filters are the owner's to write)"
}

# MUTABLE_WITH_EXCLUSION with its filters: IMMUTABLE would not take the filters; no fix.
test_mutable_with_exclusion_filters_has_no_fix if {
	r := object.union(repo, {"config": {
		"image_tag_mutability": "MUTABLE_WITH_EXCLUSION",
		"image_tag_mutability_exclusion_filter": [{"filter": "release-*", "filter_type": "WILDCARD"}],
	}})
	some f in rule.deny with input as {"resources": [r]}
	not f.fix
	contains(f.msg, "no fix: its image_tag_mutability_exclusion_filter blocks")
}

# More tags than ECR's 5 filters: no fix, and the message says so.
test_more_than_five_moving_tags_has_no_fix if {
	config := {k: {"$unknown": sprintf(`"${aws_ecr_repository.app.repository_url}:%s"`, [k])} | some k in ["a", "b", "c", "d", "e", "f"]}
	some f in rule.deny with input as {"resources": [repo], "modules": [{"address": "module.svc", "name": "svc", "source": "./svc", "config": config}], "required_providers": aws(">= 6.8")}
	not f.fix
	endswith(f.msg, "no fix: more than the 5 exclusion filters ECR allows)")
}
