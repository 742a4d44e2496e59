package palisade.aws.opensearch.access_policy_public_test

import data.palisade.aws.opensearch.access_policy_public as rule

open_doc := {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "es:*"}]}

domain(extra) := {"address": "aws_opensearch_domain.d", "type": "aws_opensearch_domain", "name": "d", "config": object.union({"domain_name": "d"}, extra), "references": []}

policy := {"address": "aws_opensearch_domain_policy.p", "type": "aws_opensearch_domain_policy", "name": "p", "config": {"domain_name": {"$unknown": "aws_opensearch_domain.d.domain_name"}, "access_policies": open_doc}, "references": [{"path": ["domain_name"], "target": "aws_opensearch_domain.d"}]}

test_open_inline_policy_fires if {
	findings := rule.deny with input as {"resources": [domain({"access_policies": open_doc})]}
	[[f.resource, f.path, f.msg] | some f in findings] == [["aws_opensearch_domain.d", ["access_policies"], "the access policy of aws_opensearch_domain.d allows es:* to any principal"]]
}

test_open_policy_resource_fires if {
	count(rule.deny) == 1 with input as {"resources": [domain({}), policy]}
}

test_vpc_domain_is_not_judged if {
	count(rule.deny) == 0 with input as {"resources": [domain({"vpc_options": [{"subnet_ids": ["subnet-1"]}]}), policy]}
}

test_fine_grained_access_control_is_not_judged if {
	count(rule.deny) == 0 with input as {"resources": [domain({"advanced_security_options": [{"enabled": true}], "access_policies": open_doc})]}
}

test_named_principal_passes if {
	doc := {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123456789012:role/app"}, "Action": "es:ESHttpGet"}]}
	count(rule.deny) == 0 with input as {"resources": [domain({"access_policies": doc})]}
}

test_source_ip_condition_passes if {
	doc := {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "es:ESHttpGet", "Condition": {"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}}}]}
	count(rule.deny) == 0 with input as {"resources": [domain({"access_policies": doc})]}
}

# Registry modules name the domain twice (`domain_name = var.domain_name` on the domain and on its
# policy) instead of referencing it (held-out terraform-aws-opensearch example, a VPC domain).
by_name(domain_extra) := {"resources": [
	object.union(domain(domain_extra), {"address": "module.os.aws_opensearch_domain.this[0]", "module": "module.os", "config": object.union({"domain_name": "ex"}, domain_extra)}),
	{"address": "module.os.aws_opensearch_domain_policy.this[0]", "type": "aws_opensearch_domain_policy", "name": "this", "module": "module.os", "config": {"domain_name": "ex", "access_policies": open_doc}, "references": []},
]}

test_policy_naming_a_vpc_domain_by_name_is_not_judged if {
	count(rule.deny) == 0 with input as by_name({"vpc_options": [{"subnet_ids": ["subnet-1"]}]})
	count(rule.deny) == 1 with input as by_name({})
}

test_policy_whose_domain_is_unknown_is_not_judged if {
	unresolved := object.union(policy, {"references": []})
	count(rule.deny) == 0 with input as {"resources": [unresolved]}
}
