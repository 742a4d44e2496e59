package palisade.aws.ec2.ami_block_public_access_unblocked_test

import data.palisade.aws.ec2.ami_block_public_access_unblocked as rule

setting(v) := {"address": "aws_ec2_image_block_public_access.this", "type": "aws_ec2_image_block_public_access", "name": "this", "config": {"state": v}, "references": []}

perm(config) := {"address": "aws_ami_launch_permission.p", "type": "aws_ami_launch_permission", "name": "p", "config": object.union({"image_id": "ami-0123456789abcdef0"}, config), "references": []}

finding := {"msg": "aws_ec2_image_block_public_access.this leaves public sharing of AMIs unblocked", "resource": "aws_ec2_image_block_public_access.this", "path": ["state"]}

test_unblocked_fires_with_fix if {
	rule.deny == {object.union(finding, {"fix": [{"op": "set", "path": ["state"], "value": "block-new-sharing"}]})} with input as {"resources": [setting("unblocked")]}
	rule.deny == {object.union(finding, {"fix": [{"op": "set", "path": ["state"], "value": "block-new-sharing"}]})} with input as {"resources": [setting("unblocked"), perm({"account_id": "111122223333"})]}
}

test_public_launch_permission_fires_without_fix if {
	rule.deny == {finding} with input as {"resources": [setting("unblocked"), perm({"group": "all"})]}
	rule.deny == {finding} with input as {"resources": [setting("unblocked"), perm({"group": {"$unknown": "var.group"}})]}
}

test_blocked_passes if {
	count(rule.deny) == 0 with input as {"resources": [setting("block-new-sharing"), perm({"group": "all"})]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [setting({"$unknown": "var.state"})]}
}
