package palisade.aws.ssm.document_public_test

import data.palisade.aws.ssm.document_public as rule

doc(permissions) := {"address": "aws_ssm_document.setup", "type": "aws_ssm_document", "name": "setup", "config": {"name": "setup", "document_type": "Command", "permissions": permissions}, "references": []}

test_shared_with_all_fires if {
	rule.deny == {{
		"msg": "aws_ssm_document.setup is shared with all AWS accounts",
		"resource": "aws_ssm_document.setup", "path": ["permissions"],
		"fix": [{"op": "remove", "path": ["permissions"]}],
	}} with input as {"resources": [doc({"type": "Share", "account_ids": "All"})]}
}

test_shared_with_accounts_passes if {
	count(rule.deny) == 0 with input as {"resources": [doc({"type": "Share", "account_ids": "123456789012,210987654321"})]}
}

test_unknown_ids_do_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [doc({"type": "Share", "account_ids": {"$unknown": "var.accounts"}})]}
}

test_no_permissions_passes if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_ssm_document.setup", "type": "aws_ssm_document", "name": "setup", "config": {"name": "setup"}, "references": []}]}
}

# The provider splits account_ids on commas: "All" among named accounts is still a public share.
test_all_among_accounts_fires if {
	count(rule.deny) == 1 with input as {"resources": [doc({"type": "Share", "account_ids": "123456789012, All"})]}
}
