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

repo(name) := {"address": sprintf("aws_ecr_repository.%s", [name]), "type": "aws_ecr_repository", "name": name, "config": {"name": name}, "references": []}

registry(scan_type, frequency, filter) := {"address": "aws_ecr_registry_scanning_configuration.r", "type": "aws_ecr_registry_scanning_configuration", "name": "r", "config": {"scan_type": scan_type, "rule": [{"scan_frequency": frequency, "repository_filter": [{"filter": filter, "filter_type": "WILDCARD"}]}]}, "references": []}

test_registry_rule_scanning_on_push_covers_matching_repositories if {
	count(rule.deny) == 0 with input as {"resources": [repo("app"), registry("BASIC", "SCAN_ON_PUSH", "*")]}
	count(rule.deny) == 0 with input as {"resources": [repo("team-app"), registry("BASIC", "SCAN_ON_PUSH", "team-*")]}
	count(rule.deny) == 0 with input as {"resources": [repo("my-app-1"), registry("BASIC", "SCAN_ON_PUSH", "app")]}
	count(rule.deny) == 0 with input as {"resources": [repo("app"), registry("ENHANCED", "CONTINUOUS_SCAN", "*")]}
}

test_registry_rule_that_does_not_scan_this_repository_on_push if {
	count(rule.deny) == 1 with input as {"resources": [repo("other"), registry("BASIC", "SCAN_ON_PUSH", "team-*")]}
	count(rule.deny) == 1 with input as {"resources": [repo("app"), registry("BASIC", "MANUAL", "*")]}
}
