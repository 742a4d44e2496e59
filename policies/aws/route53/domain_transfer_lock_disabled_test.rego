package palisade.aws.route53.domain_transfer_lock_disabled_test

import data.palisade.aws.route53.domain_transfer_lock_disabled as rule

domain(type, config) := {"address": sprintf("%s.this", [type]), "type": type, "name": "this", "config": config, "references": []}

test_false_fires if {
	rule.deny == {{
		"msg": "aws_route53domains_registered_domain.this can be transferred to another registrar (transfer_lock = false)",
		"resource": "aws_route53domains_registered_domain.this", "path": ["transfer_lock"],
		"fix": [{"op": "set", "path": ["transfer_lock"], "value": true}],
	}} with input as {"resources": [domain("aws_route53domains_registered_domain", {"domain_name": "example.com", "transfer_lock": false})]}
	count(rule.deny) == 1 with input as {"resources": [domain("aws_route53domains_domain", {"domain_name": "example.com", "transfer_lock": "false"})]}
}

# Unset is the provider's default, true.
test_default_true_and_unknown_pass if {
	count(rule.deny) == 0 with input as {"resources": [domain("aws_route53domains_registered_domain", {"domain_name": "example.com"})]}
	count(rule.deny) == 0 with input as {"resources": [domain("aws_route53domains_registered_domain", {"transfer_lock": true})]}
	count(rule.deny) == 0 with input as {"resources": [domain("aws_route53domains_domain", {"transfer_lock": {"$unknown": "var.lock"}})]}
}
