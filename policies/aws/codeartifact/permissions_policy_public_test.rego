package palisade.aws.codeartifact.permissions_policy_public_test

import data.palisade.aws.codeartifact.permissions_policy_public as rule

holder(resource_type, policy) := {"resources": [{
	"address": concat(".", [resource_type, "this"]), "type": resource_type, "name": "this", "references": [],
	"config": {"domain": "packages", "repository": "npm", "policy_document": policy},
}]}

repository(policy) := holder("aws_codeartifact_repository_permissions_policy", policy)

statement(extra) := object.union({"Effect": "Allow", "Action": ["codeartifact:ReadFromRepository"], "Resource": "*"}, extra)

test_anyone_fires_on_both_types if {
	some f in rule.deny with input as repository({"Statement": [statement({"Principal": "*"})]})
	f.resource == "aws_codeartifact_repository_permissions_policy.this"
	f.path == ["policy_document"]
	count(rule.deny) == 1 with input as holder("aws_codeartifact_domain_permissions_policy", {"Statement": [statement({"Principal": {"AWS": "*"}})]})
	count(rule.deny) == 1 with input as repository({"Statement": [statement({"NotPrincipal": {"AWS": "arn:aws:iam::111122223333:root"}})]})
}

test_named_or_scoped_passes if {
	count(rule.deny) == 0 with input as repository({"Statement": [statement({"Principal": {"AWS": "arn:aws:iam::444455556666:root"}})]})
	count(rule.deny) == 0 with input as repository({"Statement": [statement({"Principal": "*", "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-abc123"}}})]})
	count(rule.deny) == 0 with input as repository({"Statement": [statement({"Effect": "Deny", "Principal": "*"})]})
}

# An IP range says where calls come from, not who makes them.
test_ip_condition_alone_fires if {
	count(rule.deny) == 1 with input as repository({"Statement": [statement({"Principal": "*", "Condition": {"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}}})]})
}

test_unknown_policy_passes if {
	count(rule.deny) == 0 with input as repository({"$unknown": "data.aws_iam_policy_document.x.json"})
}
