package palisade.aws.ec2.ami_public_test

import data.palisade.aws.ec2.ami_public as rule

perm(config) := {"address": "aws_ami_launch_permission.p", "type": "aws_ami_launch_permission", "name": "p", "config": object.union({"image_id": "ami-0123456789abcdef0"}, config), "references": []}

test_group_all_fires if {
	rule.deny == {{"msg": "aws_ami_launch_permission.p makes the AMI public (group = \"all\")", "resource": "aws_ami_launch_permission.p", "path": ["group"]}} with input as {"resources": [perm({"group": "all"})]}
}

test_account_or_organization_passes if {
	count(rule.deny) == 0 with input as {"resources": [perm({"account_id": "111122223333"})]}
	count(rule.deny) == 0 with input as {"resources": [perm({"organization_arn": "arn:aws:organizations::111122223333:organization/o-abc"})]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [perm({"group": {"$unknown": "var.group"}})]}
}
