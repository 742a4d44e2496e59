package palisade.aws.rds.deletion_protection_disabled_test

import data.palisade.aws.rds.deletion_protection_disabled as rule

test_bad_value_fires if {
	rule.deny == {{"msg": "aws_db_instance.this does not have deletion protection enabled", "resource": "aws_db_instance.this", "path": ["deletion_protection"], "fix": [{"op": "set", "path": ["deletion_protection"], "value": true}]}} with input as {"resources": [{"address": "aws_db_instance.this", "type": "aws_db_instance", "name": "this", "config": {"deletion_protection": false}, "references": []}]}
}

test_unset_fires if {
	rule.deny == {{"msg": "aws_db_instance.this does not have deletion protection enabled", "resource": "aws_db_instance.this", "path": ["deletion_protection"], "fix": [{"op": "set", "path": ["deletion_protection"], "value": true}]}} with input as {"resources": [{"address": "aws_db_instance.this", "type": "aws_db_instance", "name": "this", "config": {}, "references": []}]}
}

test_good_value_passes if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_db_instance.this", "type": "aws_db_instance", "name": "this", "config": {"deletion_protection": true}, "references": []}]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_db_instance.this", "type": "aws_db_instance", "name": "this", "config": {"deletion_protection": {"$unknown": "var.x"}}, "references": []}]}
}

rds(config) := {"address": "module.db", "source": "terraform-aws-modules/rds/aws", "config": config}

aurora(config) := {"address": "module.aurora", "source": "terraform-aws-modules/rds-aurora/aws", "config": config}

test_opaque_modules_without_deletion_protection_fire if {
	rule.deny == {{
		"msg": "module.db does not have deletion protection enabled", "resource": "module.db", "path": ["deletion_protection"],
		"fix": [{"op": "set", "path": ["deletion_protection"], "value": true}],
	}} with input as {"resources": [], "modules": [rds({"engine": "postgres"})]}
	count(rule.deny) == 1 with input as {"resources": [], "modules": [aurora({"deletion_protection": false})]}
}

test_opaque_modules_protected_unknown_or_switched_off_pass if {
	count(rule.deny) == 0 with input as {"resources": [], "modules": [rds({"deletion_protection": true}), aurora({"deletion_protection": true})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [rds({"deletion_protection": {"$unknown": "var.p"}})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [rds({"create_db_instance": false}), aurora({"create": false})]}
}
