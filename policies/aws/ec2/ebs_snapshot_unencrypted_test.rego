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

copy(config) := {"address": "aws_ebs_snapshot_copy.c", "type": "aws_ebs_snapshot_copy", "name": "c", "config": object.union({"source_snapshot_id": {"$unknown": "aws_ebs_snapshot.s.id"}, "source_region": "eu-west-1"}, config), "references": [{"path": ["source_snapshot_id"], "target": "aws_ebs_snapshot.s", "attribute": "id"}]}

copy_findings contains f if {
	some f in rule.deny
	f.resource == "aws_ebs_snapshot_copy.c"
}

test_copy_of_unencrypted_snapshot_fires if {
	copy_findings == {{"msg": "aws_ebs_snapshot_copy.c copies aws_ebs_snapshot.s, a snapshot of the unencrypted volume aws_ebs_volume.v, without encrypted = true", "resource": "aws_ebs_snapshot_copy.c", "path": ["encrypted"], "related": [{"resource": "aws_ebs_snapshot.s", "path": [], "msg": "snapshot of an unencrypted volume"}], "fix": [{"op": "set", "path": ["encrypted"], "value": true}]}} with input as {"resources": [volume({}), snapshot, copy({})]}
	count(copy_findings) == 1 with input as {"resources": [volume({"encrypted": false}), snapshot, copy({"encrypted": false})]}
}

test_copy_passes if {
	# encrypted while copying
	count(copy_findings) == 0 with input as {"resources": [volume({}), snapshot, copy({"encrypted": true})]}

	# the source snapshot is of an encrypted volume
	count(copy_findings) == 0 with input as {"resources": [volume({"encrypted": true}), snapshot, copy({})]}

	# encryption by default encrypts the copy
	count(copy_findings) == 0 with input as {"resources": [volume({}), snapshot, copy({}), default_encryption]}

	# unknown
	count(copy_findings) == 0 with input as {"resources": [volume({}), snapshot, copy({"encrypted": {"$unknown": "var.encrypt"}})]}
}

test_copy_of_unknown_snapshot_does_not_fire if {
	other := object.union(copy({}), {"config": {"source_snapshot_id": "snap-0123456789abcdef0"}, "references": []})
	count(copy_findings) == 0 with input as {"resources": [volume({}), snapshot, other]}
}

# A pass-through snapshot_id = null (or "") restores nothing.
test_null_or_empty_snapshot_id_still_fires if {
	count(rule.deny) == 1 with input as {"resources": [volume({"snapshot_id": null}), snapshot]}
}
