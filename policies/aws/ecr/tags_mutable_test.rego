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
