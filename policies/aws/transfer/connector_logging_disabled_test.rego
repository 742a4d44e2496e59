package palisade.aws.transfer.connector_logging_disabled_test

import data.palisade.aws.transfer.connector_logging_disabled as rule

connector(extra) := {"address": "aws_transfer_connector.c", "type": "aws_transfer_connector", "name": "c", "references": [], "config": object.union({"access_role": "arn:aws:iam::111122223333:role/transfer", "url": "sftp://partner.example.com"}, extra)}

test_no_logging_role_fires if {
	[[f.msg, f.path] | some f in rule.deny] == [["aws_transfer_connector.c has no logging_role, so its file transfers are not logged", ["logging_role"]]] with input as {"resources": [connector({})]}
	count(rule.deny) == 1 with input as {"resources": [connector({"logging_role": ""})]}
	count(rule.deny) == 1 with input as {"resources": [connector({"logging_role": null})]}
}

test_logging_role_set_or_unknown_passes if {
	count(rule.deny) == 0 with input as {"resources": [connector({"logging_role": "arn:aws:iam::111122223333:role/transfer-logging"})]}
	count(rule.deny) == 0 with input as {"resources": [connector({"logging_role": {"$unknown": "var.logging_role"}})]}
}
