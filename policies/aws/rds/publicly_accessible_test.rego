package palisade.aws.rds.publicly_accessible_test

import data.palisade.aws.rds.publicly_accessible as rule

test_bad_value_fires if {
	rule.deny == {{"msg": "aws_db_instance.this is publicly accessible", "resource": "aws_db_instance.this", "path": ["publicly_accessible"], "fix": [{"op": "set", "path": ["publicly_accessible"], "value": false}]}} with input as {"resources": [{"address": "aws_db_instance.this", "type": "aws_db_instance", "name": "this", "config": {"publicly_accessible": true}, "references": []}]}
}

test_unset_passes if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_db_instance.this", "type": "aws_db_instance", "name": "this", "config": {}, "references": []}]}
}

test_good_value_passes if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_db_instance.this", "type": "aws_db_instance", "name": "this", "config": {"publicly_accessible": false}, "references": []}]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_db_instance.this", "type": "aws_db_instance", "name": "this", "config": {"publicly_accessible": {"$unknown": "var.x"}}, "references": []}]}
}

rds(config) := {"address": "module.db", "source": "terraform-aws-modules/rds/aws", "config": config}

test_opaque_module_set_public_fires if {
	rule.deny == {{
		"msg": "module.db is publicly accessible", "resource": "module.db", "path": ["publicly_accessible"],
		"fix": [{"op": "set", "path": ["publicly_accessible"], "value": false}],
	}} with input as {"resources": [], "modules": [rds({"publicly_accessible": true})]}
}

test_opaque_module_default_private_or_switched_off_passes if {
	count(rule.deny) == 0 with input as {"resources": [], "modules": [rds({})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [rds({"publicly_accessible": true, "create_db_instance": false})]}
}
