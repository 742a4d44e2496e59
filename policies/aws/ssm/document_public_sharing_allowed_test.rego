package palisade.aws.ssm.document_public_sharing_allowed_test

import data.palisade.aws.ssm.document_public_sharing_allowed as rule

setting(config) := {"address": "aws_ssm_service_setting.s", "type": "aws_ssm_service_setting", "name": "s", "config": config, "references": []}

document(permissions) := {"address": "aws_ssm_document.d", "type": "aws_ssm_document", "name": "d", "config": {"name": "d", "permissions": permissions}, "references": []}

enabled := {"setting_id": "/ssm/documents/console/public-sharing-permission", "setting_value": "Enable"}

test_enable_fires_with_set if {
	rule.deny == {{
		"msg": "aws_ssm_service_setting.s lets the account share SSM documents with every AWS account (public-sharing-permission is Enable)",
		"resource": "aws_ssm_service_setting.s", "path": ["setting_value"],
		"fix": [{"op": "set", "path": ["setting_value"], "value": "Disable"}],
	}} with input as {"resources": [setting(enabled)]}
}

test_arn_form_fires if {
	arn := "arn:aws:ssm:eu-west-1:123456789012:servicesetting/ssm/documents/console/public-sharing-permission"
	count(rule.deny) == 1 with input as {"resources": [setting({"setting_id": arn, "setting_value": "Enable"})]}
}

test_template_arn_fires if {
	arn := {"$unknown": "\"arn:${data.aws_partition.current.partition}:ssm:${var.region}:${local.account_id}:servicesetting/ssm/documents/console/public-sharing-permission\""}
	count(rule.deny) == 1 with input as {"resources": [setting({"setting_id": arn, "setting_value": "Enable"})]}
	other := {"$unknown": "\"arn:aws:ssm:${var.region}:111122223333:servicesetting${var.path}\""}
	count(rule.deny) == 0 with input as {"resources": [setting({"setting_id": other, "setting_value": "Enable"})]}
}

test_disable_or_other_setting_passes if {
	count(rule.deny) == 0 with input as {"resources": [setting({"setting_id": "/ssm/documents/console/public-sharing-permission", "setting_value": "Disable"})]}
	count(rule.deny) == 0 with input as {"resources": [setting({"setting_id": "/ssm/parameter-store/high-throughput-enabled", "setting_value": "Enable"})]}
}

test_unknown_passes if {
	count(rule.deny) == 0 with input as {"resources": [setting({"setting_id": "/ssm/documents/console/public-sharing-permission", "setting_value": {"$unknown": "var.v"}})]}
	count(rule.deny) == 0 with input as {"resources": [setting({"setting_id": {"$unknown": "var.id"}, "setting_value": "Enable"})]}
}

test_private_share_keeps_the_fix if {
	some f in rule.deny with input as {"resources": [setting(enabled), document({"type": "Share", "account_ids": "111122223333,444455556666"})]}
	f.fix == [{"op": "set", "path": ["setting_value"], "value": "Disable"}]
}

test_public_or_unknown_share_withholds_the_fix if {
	some f in rule.deny with input as {"resources": [setting(enabled), document({"type": "Share", "account_ids": "All"})]}
	not f.fix
	endswith(f.msg, "; no fix: a document here is shared publicly")
	some g in rule.deny with input as {"resources": [setting(enabled), document({"type": "Share", "account_ids": {"$unknown": "var.ids"}})]}
	not g.fix
	some h in rule.deny with input as {"resources": [setting(enabled), document({"$unknown": "var.permissions"})]}
	not h.fix
}
