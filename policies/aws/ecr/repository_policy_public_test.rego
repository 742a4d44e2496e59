package palisade.aws.ecr.repository_policy_public_test

import data.palisade.aws.ecr.repository_policy_public as rule

res(statement) := {"address": "aws_ecr_repository_policy.this", "type": "aws_ecr_repository_policy", "name": "this", "config": {"policy": {"Version": "2012-10-17", "Statement": [statement]}}, "references": []}

test_public_statement_fires if {
	rule.deny == {{
		"msg": "the policy of aws_ecr_repository_policy.this grants access to anyone",
		"resource": "aws_ecr_repository_policy.this", "path": ["policy"],
		"related": [{"resource": "aws_ecr_repository_policy.this", "path": ["policy", "Statement", 0, "Principal"], "msg": "open to any principal"}],
	}} with input as {"resources": [res({"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "*"})]}
}

test_named_or_conditioned_principal_passes if {
	count(rule.deny) == 0 with input as {"resources": [res({"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "*"})]}
	count(rule.deny) == 0 with input as {"resources": [res({"Effect": "Allow", "Principal": "*", "Action": "*", "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-abc"}}})]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [res({"Effect": "Allow", "Principal": {"AWS": {"$unknown": "var.p"}}, "Action": "*"})]}
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_ecr_repository_policy.this", "type": "aws_ecr_repository_policy", "name": "this", "config": {"policy": {"$unknown": "var.doc"}}, "references": []}]}
}

ecr_call(config) := {"address": "module.repo", "source": "terraform-aws-modules/ecr/aws", "config": config}

public_policy := {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": ["ecr:BatchGetImage"]}]}

test_opaque_module_with_a_public_repository_policy_fires if {
	some f in rule.deny with input as {"resources": [], "modules": [ecr_call({"create_repository_policy": false, "repository_policy": public_policy})]}
	f.resource == "module.repo"
	f.path == ["repository_policy"]
}

test_opaque_module_generated_unattached_or_scoped_policy_passes if {
	count(rule.deny) == 0 with input as {"resources": [], "modules": [ecr_call({"repository_policy": public_policy})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [ecr_call({"create_repository_policy": false, "attach_repository_policy": false, "repository_policy": public_policy})]}
	scoped := {"Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": ["ecr:BatchGetImage"]}]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [ecr_call({"create_repository_policy": false, "repository_policy": scoped})]}
}
