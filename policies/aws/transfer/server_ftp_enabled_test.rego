package palisade.aws.transfer.server_ftp_enabled_test

import data.palisade.aws.transfer.server_ftp_enabled as rule

server(protocols) := {"resources": [{"address": "aws_transfer_server.ftp", "type": "aws_transfer_server", "name": "ftp", "config": {"endpoint_type": "VPC", "identity_provider_type": "API_GATEWAY", "protocols": protocols}, "references": []}]}

test_fires_and_keeps_other_protocols if {
	rule.deny == {{"msg": "aws_transfer_server.ftp accepts plain FTP, which sends passwords and files unencrypted", "resource": "aws_transfer_server.ftp", "path": ["protocols", 1], "fix": [{"op": "set", "path": ["protocols"], "value": ["SFTP", "FTPS"]}]}} with input as server(["SFTP", "FTP", "FTPS"])
}

test_ftp_alone_becomes_sftp if {
	rule.deny == {{"msg": "aws_transfer_server.ftp accepts plain FTP, which sends passwords and files unencrypted", "resource": "aws_transfer_server.ftp", "path": ["protocols", 0], "fix": [{"op": "set", "path": ["protocols"], "value": ["SFTP"]}]}} with input as server(["FTP"])
}

test_passes if {
	count(rule.deny) == 0 with input as server(["SFTP"])
	count(rule.deny) == 0 with input as server(["SFTP", "FTPS"])
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_transfer_server.sftp", "type": "aws_transfer_server", "name": "sftp", "config": {}, "references": []}]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as server({"$unknown": "var.protocols"})
	count(rule.deny) == 0 with input as server(["SFTP", {"$unknown": "var.extra_protocol"}])
}
