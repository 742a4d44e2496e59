package palisade.aws.rds.ca_certificate_outdated_test

import data.palisade.aws.rds.ca_certificate_outdated as rule

bad := {"resources": [{"address": "aws_db_instance.this", "type": "aws_db_instance", "name": "this", "config": {"ca_cert_identifier": "rds-ca-2019"}, "references": []}]}

good_0 := {"resources": [{"address": "aws_db_instance.this", "type": "aws_db_instance", "name": "this", "config": {"ca_cert_identifier": "rds-ca-rsa2048-g1"}, "references": []}]}

good_1 := {"resources": [{"address": "aws_db_instance.this", "type": "aws_db_instance", "name": "this", "config": {}, "references": []}]}

unknown_0 := {"resources": [{"address": "aws_db_instance.this", "type": "aws_db_instance", "name": "this", "config": {"ca_cert_identifier": {"$unknown": "var.x"}}, "references": []}]}

test_fires if {
	rule.deny == {{"msg": "aws_db_instance.this uses the expired certificate authority rds-ca-2019", "resource": "aws_db_instance.this", "path": ["ca_cert_identifier"], "fix": [{"op": "set", "path": ["ca_cert_identifier"], "value": "rds-ca-rsa2048-g1"}]}} with input as bad
}

test_passes if {
	count(rule.deny) == 0 with input as good_0
	count(rule.deny) == 0 with input as good_1
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as unknown_0
}
