package palisade.aws.ec2.ebs_snapshot_unencrypted_test

import data.palisade.aws.ec2.ebs_snapshot_unencrypted as rule

volume(config) := {"address": "aws_ebs_volume.v", "type": "aws_ebs_volume", "name": "v", "config": config, "references": []}

snapshot := {"address": "aws_ebs_snapshot.s", "type": "aws_ebs_snapshot", "name": "s", "config": {"volume_id": {"$unknown": "aws_ebs_volume.v.id"}}, "references": [{"path": ["volume_id"], "target": "aws_ebs_volume.v", "attribute": "id"}]}

default_encryption := {"address": "aws_ebs_encryption_by_default.d", "type": "aws_ebs_encryption_by_default", "name": "d", "config": {"enabled": true}, "references": []}

test_fires if {
	rule.deny == {{"msg": "aws_ebs_snapshot.s is a snapshot of the unencrypted volume aws_ebs_volume.v", "resource": "aws_ebs_snapshot.s", "path": [], "related": [{"resource": "aws_ebs_volume.v", "path": ["encrypted"], "msg": "not encrypted"}], "fix": [{"op": "set", "path": ["encrypted"], "value": true, "resource": "aws_ebs_volume.v"}]}} with input as {"resources": [volume({"encrypted": false}), snapshot]}
	count(rule.deny) == 1 with input as {"resources": [volume({"size": 40}), snapshot]}
}

test_passes if {
	count(rule.deny) == 0 with input as {"resources": [volume({"encrypted": true}), snapshot]}
	count(rule.deny) == 0 with input as {"resources": [volume({"encrypted": false})]}
	count(rule.deny) == 0 with input as {"resources": [volume({}), snapshot, default_encryption]}
	count(rule.deny) == 0 with input as {"resources": [volume({"snapshot_id": "snap-0123456789abcdef0"}), snapshot]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [volume({"encrypted": {"$unknown": "var.encrypted"}}), snapshot]}
}
