package palisade.aws.rds.default_port_test

import data.palisade.aws.rds.default_port as rule

bad := {"resources": [{"address": "aws_db_instance.this", "type": "aws_db_instance", "name": "this", "config": {"engine": "postgres", "port": 5432}, "references": []}]}

good_0 := {"resources": [{"address": "aws_db_instance.this", "type": "aws_db_instance", "name": "this", "config": {"engine": "postgres", "port": 5433}, "references": []}]}

good_1 := {"resources": [{"address": "aws_db_instance.this", "type": "aws_db_instance", "name": "this", "config": {"engine": "sqlserver-ee", "port": 1434}, "references": []}]}

good_2 := {"resources": [{"address": "aws_db_instance.this", "type": "aws_db_instance", "name": "this", "config": {"engine": "postgres", "replicate_source_db": "main"}, "references": []}]}

unknown_0 := {"resources": [{"address": "aws_db_instance.this", "type": "aws_db_instance", "name": "this", "config": {"engine": "mysql", "port": {"$unknown": "var.x"}}, "references": []}]}

unknown_1 := {"resources": [{"address": "aws_db_instance.this", "type": "aws_db_instance", "name": "this", "config": {"engine": {"$unknown": "var.x"}}, "references": []}]}

also_bad_0 := {"resources": [{"address": "aws_db_instance.this", "type": "aws_db_instance", "name": "this", "config": {"engine": "oracle-ee", "port": "1521"}, "references": []}]}

also_bad_1 := {"resources": [{"address": "aws_db_instance.this", "type": "aws_db_instance", "name": "this", "config": {"engine": "mysql"}, "references": []}]}

test_fires if {
	rule.warn == {{"msg": "aws_db_instance.this uses the default postgres port 5432", "resource": "aws_db_instance.this", "path": ["port"]}} with input as bad
}

test_also_fires if {
	count(rule.warn) == 1 with input as also_bad_0
	count(rule.warn) == 1 with input as also_bad_1
}

test_passes if {
	count(rule.warn) == 0 with input as good_0
	count(rule.warn) == 0 with input as good_1
	count(rule.warn) == 0 with input as good_2
}

test_unknown_does_not_fire if {
	count(rule.warn) == 0 with input as unknown_0
	count(rule.warn) == 0 with input as unknown_1
}

rds(config) := {"address": "module.db", "source": "terraform-aws-modules/rds/aws", "config": config}

aurora(config) := {"address": "module.aurora", "source": "terraform-aws-modules/rds-aurora/aws", "config": config}

test_opaque_modules_on_the_default_port_fire if {
	rule.warn == {{"msg": "module.db uses the default postgres port 5432", "resource": "module.db", "path": ["port"]}} with input as {"resources": [], "modules": [rds({"engine": "postgres"})]}
	count(rule.warn) == 1 with input as {"resources": [], "modules": [rds({"engine": "mysql", "port": "3306"})]}
	count(rule.warn) == 1 with input as {"resources": [], "modules": [aurora({"engine": "aurora-mysql", "port": ""})]}
}

test_opaque_modules_on_another_or_unknown_port_pass if {
	count(rule.warn) == 0 with input as {"resources": [], "modules": [rds({"engine": "postgres", "port": 5433})]}
	count(rule.warn) == 0 with input as {"resources": [], "modules": [rds({"engine": "postgres", "port": {"$unknown": "var.port"}})]}
	count(rule.warn) == 0 with input as {"resources": [], "modules": [aurora({}), rds({"engine": "postgres", "replicate_source_db": "primary"})]}
	count(rule.warn) == 0 with input as {"resources": [], "modules": [rds({"engine": "postgres", "create_db_instance": false})]}
}

# A module's pass-through replicate_source_db = null (or "") is not a replica.
test_null_or_empty_replica_source_still_fires if {
	count(rule.warn) == 1 with input as {"resources": [{"address": "aws_db_instance.this", "type": "aws_db_instance", "name": "this", "config": {"engine": "postgres", "port": 5432, "replicate_source_db": null}, "references": []}]}
}
