package palisade.aws.ses.email_identity_dkim_weak_key_test

import data.palisade.aws.ses.email_identity_dkim_weak_key as rule

identity(config) := {"resources": [{
	"address": "aws_sesv2_email_identity.mail", "type": "aws_sesv2_email_identity", "name": "mail",
	"config": config, "references": [],
}]}

test_1024_fires_with_set if {
	rule.deny == {{
		"msg": "aws_sesv2_email_identity.mail asks SES for 1024-bit Easy DKIM keys (next_signing_key_length = \"RSA_1024_BIT\"), not 2048-bit",
		"resource": "aws_sesv2_email_identity.mail", "path": ["dkim_signing_attributes", 0, "next_signing_key_length"],
		"fix": [{"op": "set", "path": ["dkim_signing_attributes", 0, "next_signing_key_length"], "value": "RSA_2048_BIT"}],
	}} with input as identity({"email_identity": "example.com", "dkim_signing_attributes": [{"next_signing_key_length": "RSA_1024_BIT"}]})
}

test_2048_or_default_passes if {
	count(rule.deny) == 0 with input as identity({"email_identity": "example.com", "dkim_signing_attributes": [{"next_signing_key_length": "RSA_2048_BIT"}]})
	count(rule.deny) == 0 with input as identity({"email_identity": "example.com"})
	count(rule.deny) == 0 with input as identity({"email_identity": "example.com", "dkim_signing_attributes": [{}]})
}

test_byodkim_passes if {
	count(rule.deny) == 0 with input as identity({"email_identity": "example.com", "dkim_signing_attributes": [{
		"domain_signing_private_key": {"$unknown": "var.key"},
		"domain_signing_selector": "s1",
	}]})
}

test_unknown_passes if {
	count(rule.deny) == 0 with input as identity({"email_identity": "example.com", "dkim_signing_attributes": [{"next_signing_key_length": {"$unknown": "var.len"}}]})
	count(rule.deny) == 0 with input as identity({"email_identity": "example.com", "dkim_signing_attributes": {"$unknown": "dynamic"}})
}

# The value is case-sensitive in the API and the provider: a lower-case value never reaches AWS.
test_other_spelling_passes if {
	count(rule.deny) == 0 with input as identity({"email_identity": "example.com", "dkim_signing_attributes": [{"next_signing_key_length": "rsa_1024_bit"}]})
}

test_email_address_passes if {
	count(rule.deny) == 0 with input as identity({"email_identity": "ops@example.com", "dkim_signing_attributes": [{"next_signing_key_length": "RSA_1024_BIT"}]})
}

test_unknown_identity_fires if {
	count(rule.deny) == 1 with input as identity({"email_identity": {"$unknown": "var.domain"}, "dkim_signing_attributes": [{"next_signing_key_length": "RSA_1024_BIT"}]})
}
