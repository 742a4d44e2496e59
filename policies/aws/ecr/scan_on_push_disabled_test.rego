package palisade.aws.ecr.scan_on_push_disabled_test

import data.palisade.aws.ecr.scan_on_push_disabled as rule

test_bad_value_fires if {
	rule.deny == {{"msg": "aws_ecr_repository.this does not scan images on push", "resource": "aws_ecr_repository.this", "path": ["image_scanning_configuration", 0, "scan_on_push"], "fix": [{"op": "set", "path": ["image_scanning_configuration", 0, "scan_on_push"], "value": true}]}} with input as {"resources": [{"address": "aws_ecr_repository.this", "type": "aws_ecr_repository", "name": "this", "config": {"image_scanning_configuration": [{"scan_on_push": false}]}, "references": []}]}
}

test_unset_fires if {
	rule.deny == {{"msg": "aws_ecr_repository.this does not scan images on push", "resource": "aws_ecr_repository.this", "path": ["image_scanning_configuration"], "fix": [{"op": "add_block", "path": [], "type": "image_scanning_configuration", "config": {"scan_on_push": true}}]}} with input as {"resources": [{"address": "aws_ecr_repository.this", "type": "aws_ecr_repository", "name": "this", "config": {}, "references": []}]}
}

test_good_value_passes if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_ecr_repository.this", "type": "aws_ecr_repository", "name": "this", "config": {"image_scanning_configuration": [{"scan_on_push": true}]}, "references": []}]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_ecr_repository.this", "type": "aws_ecr_repository", "name": "this", "config": {"image_scanning_configuration": [{"scan_on_push": {"$unknown": "var.x"}}]}, "references": []}]}
}

test_unknown_block_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_ecr_repository.this", "type": "aws_ecr_repository", "name": "this", "config": {"image_scanning_configuration": {"$unknown": "var.x"}}, "references": []}]}
}

call(config) := {"address": "module.r", "source": "terraform-aws-modules/ecr/aws", "config": config}

test_opaque_module_with_scan_disabled_fires if {
	rule.deny == {{
		"msg": "module.r does not scan images on push", "resource": "module.r", "path": ["repository_image_scan_on_push"],
		"fix": [{"op": "set", "path": ["repository_image_scan_on_push"], "value": true}],
	}} with input as {"resources": [], "modules": [call({"repository_image_scan_on_push": false})]}
}

test_opaque_module_default_public_or_switched_off_passes if {
	count(rule.deny) == 0 with input as {"resources": [], "modules": [call({})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [call({"repository_image_scan_on_push": false, "repository_type": "public"})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [call({"repository_image_scan_on_push": false, "create_repository": false})]}
}
