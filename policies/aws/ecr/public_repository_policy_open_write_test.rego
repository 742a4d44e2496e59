package palisade.aws.ecr.public_repository_policy_open_write_test

import data.palisade.aws.ecr.public_repository_policy_open_write as rule

repo(policy) := {"resources": [{
	"address": "aws_ecrpublic_repository_policy.r", "type": "aws_ecrpublic_repository_policy", "name": "r", "references": [],
	"config": {"repository_name": "tools", "policy": policy},
}]}

open(actions) := {"Statement": [{"Effect": "Allow", "Principal": "*", "Action": actions}]}

test_open_push_fires if {
	some f in rule.deny with input as repo(open(["ecr-public:PutImage", "ecr-public:UploadLayerPart"]))
	f.path == ["policy"]
	count(rule.deny) == 1 with input as repo(open("ecr-public:*"))
	count(rule.deny) == 1 with input as repo(open("*"))
	count(rule.deny) == 1 with input as repo(open(["ecr-public:DescribeImages", "ecr-public:BatchDeleteImage"]))
	count(rule.deny) == 1 with input as repo({"Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"}, "NotAction": "ecr-public:SetRepositoryPolicy"}]})
}

test_open_read_only_passes if {
	count(rule.deny) == 0 with input as repo(open(["ecr-public:DescribeImages", "ecr-public:Get*", "ecr-public:ListTagsForResource", "ecr-public:BatchCheckLayerAvailability"]))
	count(rule.deny) == 0 with input as repo(open(["<unknown>"]))
}

test_named_or_scoped_passes if {
	count(rule.deny) == 0 with input as repo({"Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::444455556666:root"}, "Action": "ecr-public:*"}]})
	count(rule.deny) == 0 with input as repo({"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "ecr-public:*", "Condition": {"StringEquals": {"aws:PrincipalAccount": "444455556666"}}}]})
	count(rule.deny) == 0 with input as repo({"$unknown": "var.policy"})
}

# terraform-aws-modules/ecr's public statement: "*" may BatchGetImage and GetDownloadUrlForLayer.
test_module_style_read_statement_passes if {
	count(rule.deny) == 0 with input as repo(open(["ecr-public:BatchGetImage", "ecr-public:GetDownloadUrlForLayer"]))
	count(rule.deny) == 1 with input as repo(open(["ecr-public:Batch*"]))
}

ecr_call(config) := {"resources": [], "modules": [{
	"address": "module.cli", "source": "terraform-aws-modules/ecr/aws",
	"config": object.union({"repository_name": "cli", "repository_type": "public"}, config),
}]}

test_opaque_module_read_write_anyone_fires if {
	some f in rule.deny with input as ecr_call({"repository_read_write_access_arns": ["*"]})
	f.resource == "module.cli"
	f.path == ["repository_read_write_access_arns"]
	count(rule.deny) == 0 with input as ecr_call({"repository_read_write_access_arns": ["arn:aws:iam::444455556666:root"]})
	count(rule.deny) == 0 with input as ecr_call({"repository_type": "private", "repository_read_write_access_arns": ["*"]})
	count(rule.deny) == 0 with input as ecr_call({"create_repository_policy": false, "repository_read_write_access_arns": ["*"]})
}

test_opaque_module_own_policy_judged if {
	some f in rule.deny with input as ecr_call({"create_repository_policy": false, "repository_policy": open("ecr-public:PutImage")})
	f.path == ["repository_policy"]
	count(rule.deny) == 0 with input as ecr_call({"create_repository_policy": false, "repository_policy": open("ecr-public:DescribeImages")})
	count(rule.deny) == 0 with input as ecr_call({"create": false, "create_repository_policy": false, "repository_policy": open("ecr-public:PutImage")})
}
