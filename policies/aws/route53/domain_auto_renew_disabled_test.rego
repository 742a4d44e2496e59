package palisade.aws.route53.domain_auto_renew_disabled_test

import data.palisade.aws.route53.domain_auto_renew_disabled as rule

domain(type, config) := {"address": sprintf("%s.d", [type]), "type": type, "name": "d", "config": object.union({"domain_name": "example.com"}, config), "references": []}

test_auto_renew_off_fires if {
	some type in ["aws_route53domains_registered_domain", "aws_route53domains_domain"]
	rule.deny == {{
		"msg": sprintf("%s.d expires at the end of its term unless renewed by hand (auto_renew = false)", [type]),
		"resource": sprintf("%s.d", [type]), "path": ["auto_renew"],
	}} with input as {"resources": [domain(type, {"auto_renew": false})]}
}

test_auto_renew_on_omitted_or_unknown_passes if {
	some type in ["aws_route53domains_registered_domain", "aws_route53domains_domain"]
	count(rule.deny) == 0 with input as {"resources": [domain(type, {})]}
	count(rule.deny) == 0 with input as {"resources": [domain(type, {"auto_renew": true})]}
	count(rule.deny) == 0 with input as {"resources": [domain(type, {"auto_renew": {"$unknown": "var.renew"}})]}
}
