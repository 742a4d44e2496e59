package palisade.aws.iam.access_analyzer_not_enabled_test

import data.palisade.aws.iam.access_analyzer_not_enabled as rule

org(principals) := {"address": "aws_organizations_organization.org", "type": "aws_organizations_organization", "name": "org", "config": {"aws_service_access_principals": principals}, "references": []}

analyzer := {"address": "aws_accessanalyzer_analyzer.a", "type": "aws_accessanalyzer_analyzer", "name": "a", "config": {"analyzer_name": "a"}, "references": []}

test_missing_analyzer_fires_with_fix if {
	rule.deny == {{
		"msg": "aws_organizations_organization.org has no IAM Access Analyzer",
		"resource": "aws_organizations_organization.org", "path": [],
		"fix": [{"op": "add_resource", "type": "aws_accessanalyzer_analyzer", "name": "this", "config": {"analyzer_name": "organization", "type": "ORGANIZATION"}}],
	}} with input as {"resources": [org(["access-analyzer.amazonaws.com"])]}
	[f.fix[0].config.type | some f in rule.deny] == ["ACCOUNT"] with input as {"resources": [org(["config.amazonaws.com"])]}
}

test_analyzer_passes if {
	count(rule.deny) == 0 with input as {"resources": [org([]), analyzer]}
	count(rule.deny) == 0 with input as {"resources": [analyzer]}
}

test_unknown_principals_still_only_about_the_analyzer if {
	count(rule.deny) == 0 with input as {"resources": [org({"$unknown": "var.principals"}), analyzer]}
}

test_opaque_module_is_quiet if {
	count(rule.deny) == 0 with input as {"resources": [org([])], "modules": [{"address": "module.security", "name": "security", "source": "git::https://example.com/security.git", "config": {}}]}
	count(rule.deny) == 1 with input as {"resources": [org([])], "modules": [{"address": "module.local", "name": "local", "source": "./local", "config": {}, "dir": "local"}]}
}

# Held-out round 17 (binbash Leverage): the organizations layer delegates Access Analyzer to the
# security account, whose layer creates the ORGANIZATION analyzer.
delegated_admin(principal) := {"address": "aws_organizations_delegated_administrator.aa", "type": "aws_organizations_delegated_administrator", "name": "aa", "config": {"account_id": {"$unknown": "aws_organizations_account.accounts[\"security\"].id"}, "service_principal": principal}, "references": []}

test_delegated_access_analyzer_is_quiet if {
	count(rule.deny) == 0 with input as {"resources": [org(["access-analyzer.amazonaws.com"]), delegated_admin("access-analyzer.amazonaws.com")]}
	count(rule.deny) == 0 with input as {"resources": [org(["access-analyzer.amazonaws.com"]), delegated_admin({"$unknown": "each.key"})]}
}

test_other_delegated_service_still_fires if {
	count(rule.deny) == 1 with input as {"resources": [org(["access-analyzer.amazonaws.com"]), delegated_admin("guardduty.amazonaws.com")]}
}
