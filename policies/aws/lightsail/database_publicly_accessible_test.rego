package palisade.aws.lightsail.database_publicly_accessible_test

import data.palisade.aws.lightsail.database_publicly_accessible as rule

db(config) := {"address": "aws_lightsail_database.db", "type": "aws_lightsail_database", "name": "db", "config": object.union({"relational_database_name": "db", "blueprint_id": "mysql_8_0", "bundle_id": "micro_2_0"}, config), "references": []}

test_public_fires if {
	rule.deny == {{"msg": "aws_lightsail_database.db is publicly accessible", "resource": "aws_lightsail_database.db", "path": ["publicly_accessible"], "fix": [{"op": "set", "path": ["publicly_accessible"], "value": false}]}} with input as {"resources": [db({"publicly_accessible": true})]}
}

test_private_passes if {
	count(rule.deny) == 0 with input as {"resources": [db({})]}
	count(rule.deny) == 0 with input as {"resources": [db({"publicly_accessible": false})]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [db({"publicly_accessible": {"$unknown": "var.public"}})]}
}
