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
