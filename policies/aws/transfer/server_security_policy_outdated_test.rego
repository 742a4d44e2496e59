package palisade.aws.transfer.server_security_policy_outdated_test

import data.palisade.aws.transfer.server_security_policy_outdated as rule

server(config) := {"address": "aws_transfer_server.sftp", "type": "aws_transfer_server", "name": "sftp", "config": config, "references": []}

no_fix_note := " (no fix: TransferSecurityPolicy-2024-01 needs hashicorp/aws 5.38.0 or later, which required_providers does not ensure)"

# Left out: the provider's default, TransferSecurityPolicy-2018-11 (DNXLabs' transfer-family
# module, held-out s18/h5, names it as its variable's default).
test_default_policy_fires_without_fix_when_the_provider_is_not_pinned if {
	rule.deny == {{
		"msg": concat("", ["aws_transfer_server.sftp uses the provider's default security policy, TransferSecurityPolicy-2018-11, which still allows SHA-1 algorithms", no_fix_note]),
		"resource": "aws_transfer_server.sftp", "path": ["security_policy_name"],
	}} with input as {"resources": [server({"protocols": ["SFTP"]})]}
}

test_named_2018_policy_fires if {
	some f in rule.deny with input as {"resources": [server({"security_policy_name": "TransferSecurityPolicy-2018-11"})]}
	startswith(f.msg, "aws_transfer_server.sftp uses the security policy TransferSecurityPolicy-2018-11")
}

# A constraint that admits only 5.38.0 or later: the fix sets the 2024 policy.
test_fix_with_a_provider_from_5_38 if {
	rule.deny == {{
		"msg": "aws_transfer_server.sftp uses the security policy TransferSecurityPolicy-2018-11, which still allows SHA-1 algorithms",
		"resource": "aws_transfer_server.sftp", "path": ["security_policy_name"],
		"fix": [{"op": "set", "path": ["security_policy_name"], "value": "TransferSecurityPolicy-2024-01"}],
	}} with input as {"resources": [server({"security_policy_name": "TransferSecurityPolicy-2018-11"})], "required_providers": {"aws": [">= 5.40"]}}
}

test_older_lower_bound_keeps_no_fix if {
	some f in rule.deny with input as {"resources": [server({})], "required_providers": {"aws": ["~> 5.0"]}}
	not f.fix
}

test_later_policies_pass if {
	count(rule.deny) == 0 with input as {"resources": [server({"security_policy_name": "TransferSecurityPolicy-2020-06"})]}
	count(rule.deny) == 0 with input as {"resources": [server({"security_policy_name": "TransferSecurityPolicy-2024-01"})]}
	count(rule.deny) == 0 with input as {"resources": [server({"security_policy_name": "TransferSecurityPolicy-FIPS-2024-05"})]}
}

test_unknown_policy_passes if {
	count(rule.deny) == 0 with input as {"resources": [server({"security_policy_name": {"$unknown": "var.security_policy_name"}})]}
}

# The policy governs SFTP and FTPS: a server that speaks only FTP (TRANSFER-001's finding) or AS2
# negotiates nothing it names.
test_servers_without_sftp_or_ftps_pass if {
	count(rule.deny) == 0 with input as {"resources": [server({"protocols": ["FTP"]})]}
	count(rule.deny) == 0 with input as {"resources": [server({"protocols": ["AS2"], "security_policy_name": "TransferSecurityPolicy-2018-11"})]}
	count(rule.deny) == 1 with input as {"resources": [server({"protocols": ["FTP", "FTPS"]})]}
	count(rule.deny) == 1 with input as {"resources": [server({"protocols": {"$unknown": "var.protocols"}})]}
}
