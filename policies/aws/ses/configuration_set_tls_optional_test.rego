package palisade.aws.ses.configuration_set_tls_optional_test

import data.palisade.aws.ses.configuration_set_tls_optional as rule

set_v1(config) := {"resources": [{"address": "aws_ses_configuration_set.mail", "type": "aws_ses_configuration_set", "name": "mail", "config": config, "references": []}]}

set_v2(config) := {"resources": [{"address": "aws_sesv2_configuration_set.mail", "type": "aws_sesv2_configuration_set", "name": "mail", "config": config, "references": []}]}

test_no_block_fires_with_add_block if {
	rule.deny == {{
		"msg": "aws_ses_configuration_set.mail lets SES deliver mail in plain text when TLS cannot be negotiated (tls_policy is not Require)",
		"resource": "aws_ses_configuration_set.mail", "path": ["delivery_options"],
		"fix": [{"op": "add_block", "path": [], "type": "delivery_options", "config": {"tls_policy": "Require"}}],
	}} with input as set_v1({"name": "mail"})
	some f in rule.deny with input as set_v2({"configuration_set_name": "mail"})
	f.fix == [{"op": "add_block", "path": [], "type": "delivery_options", "config": {"tls_policy": "REQUIRE"}}]
}

test_optional_or_left_out_fires_with_set if {
	rule.deny == {{
		"msg": "aws_sesv2_configuration_set.mail lets SES deliver mail in plain text when TLS cannot be negotiated (tls_policy is not REQUIRE)",
		"resource": "aws_sesv2_configuration_set.mail", "path": ["delivery_options", 0, "tls_policy"],
		"fix": [{"op": "set", "path": ["delivery_options", 0, "tls_policy"], "value": "REQUIRE"}],
	}} with input as set_v2({"delivery_options": [{"sending_pool_name": "pool", "tls_policy": "OPTIONAL"}]})
	some f in rule.deny with input as set_v2({"delivery_options": [{"sending_pool_name": "pool"}]})
	f.path == ["delivery_options", 0, "tls_policy"]
	count(rule.deny) == 1 with input as set_v1({"delivery_options": [{"tls_policy": "Optional"}]})
}

test_require_passes if {
	count(rule.deny) == 0 with input as set_v1({"delivery_options": [{"tls_policy": "Require"}]})
	count(rule.deny) == 0 with input as set_v2({"delivery_options": [{"tls_policy": "REQUIRE"}]})
}

test_unknown_passes if {
	count(rule.deny) == 0 with input as set_v2({"delivery_options": {"$unknown": "dynamic"}})
	count(rule.deny) == 0 with input as set_v2({"delivery_options": [{"tls_policy": {"$unknown": "var.tls_policy"}}]})
}

# aws_ses_configuration_set's delivery_options block came with hashicorp/aws v3.28.0: under a
# constraint below it the added block fails terraform validate, so the finding carries no fix.
test_v1_provider_below_3_28_gets_no_fix if {
	findings := rule.deny with input as object.union(set_v1({"name": "mail"}), {"required_providers": {"aws": ["~> 3.27.0"]}})
	count(findings) == 1
	some f in findings
	not f.fix
}

test_v1_provider_3_28_keeps_the_fix if {
	findings := rule.deny with input as object.union(set_v1({"name": "mail"}), {"required_providers": {"aws": ["~> 3.28"]}})
	some f in findings
	f.fix == [{"op": "add_block", "path": [], "type": "delivery_options", "config": {"tls_policy": "Require"}}]
}

test_v1_pinned_provider_keeps_the_set_fix if {
	input_v1 := object.union(set_v1({"delivery_options": [{"tls_policy": "Optional"}]}), {"required_providers": {"aws": ["~> 3.27.0"]}})
	findings := rule.deny with input as input_v1
	some f in findings
	f.fix == [{"op": "set", "path": ["delivery_options", 0, "tls_policy"], "value": "Require"}]
}
