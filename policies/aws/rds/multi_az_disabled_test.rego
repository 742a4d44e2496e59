package palisade.aws.rds.multi_az_disabled_test

import data.palisade.aws.rds.multi_az_disabled as rule

test_bad_value_fires if {
	rule.warn == {{"msg": "aws_db_instance.this is not Multi-AZ", "resource": "aws_db_instance.this", "path": ["multi_az"], "fix": [{"op": "set", "path": ["multi_az"], "value": true}]}} with input as {"resources": [{"address": "aws_db_instance.this", "type": "aws_db_instance", "name": "this", "config": {"multi_az": false}, "references": []}]}
}

test_unset_fires if {
	rule.warn == {{"msg": "aws_db_instance.this is not Multi-AZ", "resource": "aws_db_instance.this", "path": ["multi_az"], "fix": [{"op": "set", "path": ["multi_az"], "value": true}]}} with input as {"resources": [{"address": "aws_db_instance.this", "type": "aws_db_instance", "name": "this", "config": {}, "references": []}]}
}

test_good_value_passes if {
	count(rule.warn) == 0 with input as {"resources": [{"address": "aws_db_instance.this", "type": "aws_db_instance", "name": "this", "config": {"multi_az": true}, "references": []}]}
}

test_unknown_does_not_fire if {
	count(rule.warn) == 0 with input as {"resources": [{"address": "aws_db_instance.this", "type": "aws_db_instance", "name": "this", "config": {"multi_az": {"$unknown": "var.x"}}, "references": []}]}
}

rds(config) := {"address": "module.db", "source": "terraform-aws-modules/rds/aws", "config": config}

test_opaque_module_without_multi_az_fires if {
	rule.warn == {{
		"msg": "module.db is not Multi-AZ", "resource": "module.db", "path": ["multi_az"],
		"fix": [{"op": "set", "path": ["multi_az"], "value": true}],
	}} with input as {"resources": [], "modules": [rds({"engine": "postgres"})]}
	count(rule.warn) == 1 with input as {"resources": [], "modules": [rds({"multi_az": false})]}
}

test_opaque_module_multi_az_replica_or_switched_off_passes if {
	count(rule.warn) == 0 with input as {"resources": [], "modules": [rds({"multi_az": true})]}
	count(rule.warn) == 0 with input as {"resources": [], "modules": [rds({"replicate_source_db": {"$unknown": "module.primary.db_instance_identifier"}})]}
	count(rule.warn) == 0 with input as {"resources": [], "modules": [rds({"create_db_instance": false})]}
	sub := {"address": "module.db", "source": "terraform-aws-modules/rds/aws//modules/db_instance", "config": {"create": false}}
	count(rule.warn) == 0 with input as {"resources": [], "modules": [sub]}
}

# A module's pass-through replicate_source_db = null (or "") is not a replica.
test_null_or_empty_replica_source_still_fires if {
	count(rule.warn) == 1 with input as {"resources": [{"address": "aws_db_instance.this", "type": "aws_db_instance", "name": "this", "config": {"multi_az": false, "replicate_source_db": null}, "references": []}]}
	count(rule.warn) == 1 with input as {"resources": [{"address": "aws_db_instance.this", "type": "aws_db_instance", "name": "this", "config": {"multi_az": false, "replicate_source_db": ""}, "references": []}]}
}

# SQL Server Express has no Multi-AZ: the finding stays without a fix (H12); Web edition keeps it.
test_sqlserver_express_has_no_fix if {
	some f in rule.warn with input as {"resources": [{"address": "aws_db_instance.this", "type": "aws_db_instance", "name": "this", "config": {"engine": "sqlserver-ex"}, "references": []}]}
	not f.fix
	some g in rule.warn with input as {"resources": [{"address": "aws_db_instance.this", "type": "aws_db_instance", "name": "this", "config": {"engine": "sqlserver-web"}, "references": []}]}
	g.fix
}
