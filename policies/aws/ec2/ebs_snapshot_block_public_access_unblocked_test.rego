package palisade.aws.ec2.ebs_snapshot_block_public_access_unblocked_test

import data.palisade.aws.ec2.ebs_snapshot_block_public_access_unblocked as rule

setting(v) := {"address": "aws_ebs_snapshot_block_public_access.this", "type": "aws_ebs_snapshot_block_public_access", "name": "this", "config": {"state": v}, "references": []}

test_unblocked_fires if {
	rule.deny == {{
		"msg": "aws_ebs_snapshot_block_public_access.this leaves public sharing of EBS snapshots unblocked", "resource": "aws_ebs_snapshot_block_public_access.this", "path": ["state"],
		"fix": [{"op": "set", "path": ["state"], "value": "block-new-sharing"}],
	}} with input as {"resources": [setting("unblocked")]}
}

test_blocking_states_pass if {
	count(rule.deny) == 0 with input as {"resources": [setting("block-all-sharing")]}
	count(rule.deny) == 0 with input as {"resources": [setting("block-new-sharing")]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [setting({"$unknown": "var.state"})]}
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_ebs_snapshot_block_public_access.this", "type": "aws_ebs_snapshot_block_public_access", "name": "this", "config": {}, "references": []}]}
}

test_public_volume_permission_fires_without_fix if {
	perm := {"address": "aws_snapshot_create_volume_permission.p", "type": "aws_snapshot_create_volume_permission", "name": "p", "config": {"snapshot_id": "snap-1", "group": "all"}, "references": []}
	acct := {"address": "aws_snapshot_create_volume_permission.a", "type": "aws_snapshot_create_volume_permission", "name": "a", "config": {"snapshot_id": "snap-1", "account_id": "111122223333"}, "references": []}
	rule.deny == {{"msg": "aws_ebs_snapshot_block_public_access.this leaves public sharing of EBS snapshots unblocked", "resource": "aws_ebs_snapshot_block_public_access.this", "path": ["state"]}} with input as {"resources": [setting("unblocked"), perm]}
	count([f | some f in rule.deny; f.fix]) == 1 with input as {"resources": [setting("unblocked"), acct]}
}
