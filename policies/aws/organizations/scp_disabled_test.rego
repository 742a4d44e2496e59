package palisade.aws.organizations.scp_disabled_test

import data.palisade.aws.organizations.scp_disabled as rule

org(config) := {"address": "aws_organizations_organization.org", "type": "aws_organizations_organization", "name": "org", "config": config, "references": []}

test_consolidated_billing_fires_with_fix if {
	rule.deny == {{
		"msg": "aws_organizations_organization.org uses only consolidated billing, so service control policies are unavailable",
		"resource": "aws_organizations_organization.org", "path": ["feature_set"],
		"fix": [{"op": "set", "path": ["feature_set"], "value": "ALL"}],
	}} with input as {"resources": [org({"feature_set": "CONSOLIDATED_BILLING"})]}
}

test_all_features_pass if {
	count(rule.deny) == 0 with input as {"resources": [org({"feature_set": "ALL"})]}
	count(rule.deny) == 0 with input as {"resources": [org({})]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [org({"feature_set": {"$unknown": "var.feature_set"}})]}
}
