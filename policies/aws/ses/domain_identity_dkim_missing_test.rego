package palisade.aws.ses.domain_identity_dkim_missing_test

import data.palisade.aws.ses.domain_identity_dkim_missing as rule

identity := {"address": "aws_ses_domain_identity.mail", "type": "aws_ses_domain_identity", "name": "mail", "config": {"domain": "mail.example.com"}, "references": []}

dkim(config, refs) := {"address": "aws_ses_domain_dkim.mail", "type": "aws_ses_domain_dkim", "name": "mail", "config": config, "references": refs}

test_fires_without_dkim if {
	rule.deny == {{
		"msg": "aws_ses_domain_identity.mail has no DKIM (no aws_ses_domain_dkim for the domain): its mail goes out unsigned",
		"resource": "aws_ses_domain_identity.mail", "path": [],
	}} with input as {"resources": [identity]}
}

test_passes_with_dkim_reference if {
	k := dkim({"domain": {"$unknown": "aws_ses_domain_identity.mail.domain"}}, [{"path": ["domain"], "target": "aws_ses_domain_identity.mail", "attribute": "domain"}])
	count(rule.deny) == 0 with input as {"resources": [identity, k]}
}

test_passes_with_same_literal_domain if {
	count(rule.deny) == 0 with input as {"resources": [identity, dkim({"domain": "mail.example.com"}, [])]}
}

test_other_domain_does_not_count if {
	count(rule.deny) == 1 with input as {"resources": [identity, dkim({"domain": "other.example.com"}, [])]}
}

test_unresolved_dkim_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [identity, dkim({"domain": {"$unknown": "var.domain"}}, [])]}
}
