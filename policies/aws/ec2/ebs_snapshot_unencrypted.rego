# METADATA
# title: EBS snapshot is taken from an unencrypted volume
# description: |
#   An aws_ebs_snapshot of a volume without encrypted = true (and without EBS encryption by
#   default in this configuration) is itself unencrypted. Snapshots outlive their volumes, are
#   copied across Regions and shared with other accounts, and an unencrypted one can even be made
#   public; whoever gets hold of it reads the disk in clear. Encrypt the source volume, or keep only
#   encrypted copies (aws_ebs_snapshot_copy with encrypted = true). A copy of such a snapshot made
#   without encrypted = true is unencrypted too, and is reported on the copy.
# related_resources:
#   - ref: https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html
# custom:
#   id: PAL-AWS-EC2-009
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_ebs_snapshot, aws_ebs_snapshot_copy, aws_ebs_volume]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_4
#     kics: e6b4b943-6883-47a9-9739-7ada9568f8ca
#   cwe: ["CWE-311"]
#   remediation: Set encrypted = true on the source volume (or keep only copies made with aws_ebs_snapshot_copy and encrypted = true).
#   fixable: true
package palisade.aws.ec2.ebs_snapshot_unencrypted

import data.palisade.aws.ec2.instance_volume_unencrypted as instance_rule
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

# One finding per snapshot, on its header (a snapshot has no encryption argument of its own); the
# volume's `encrypted` is the related location, and the fix sets it there, as EC2-004's fix does
# on the volume's own finding (AWS replaces the volume to encrypt it).
deny contains result.with_related(result.fail_fix(snapshot, [], msg, fix), [result.related(volume, ["encrypted"], "not encrypted")]) if {
	not instance_rule.default_encryption_on
	some snapshot in tf.resources("aws_ebs_snapshot")
	some volume in tf.resources("aws_ebs_volume")
	unencrypted(volume)
	snapshot in tf.referencing(volume.address, "aws_ebs_snapshot", ["volume_id"])
	msg := sprintf("%s is a snapshot of the unencrypted volume %s", [snapshot.address, volume.address])
	fix := [object.union(result.set(["encrypted"], true), {"resource": volume.address})]
}

# A copy of such a snapshot stays unencrypted unless the copy asks for encryption (`encrypted`; a
# `kms_key_id` alone is rejected by EC2), so the finding is on the copy's `encrypted` (its header when
# unset) and the fix sets it there: encrypting while copying is how an unencrypted snapshot is
# encrypted. With EBS encryption by default the copy is encrypted anyway.
deny contains result.with_related(result.fail_fix(copy, ["encrypted"], msg, fix), [result.related(snapshot, [], "snapshot of an unencrypted volume")]) if {
	not instance_rule.default_encryption_on
	some snapshot in tf.resources("aws_ebs_snapshot")
	some volume in tf.resources("aws_ebs_volume")
	unencrypted(volume)
	snapshot in tf.referencing(volume.address, "aws_ebs_snapshot", ["volume_id"])
	some copy in tf.referencing(snapshot.address, "aws_ebs_snapshot_copy", ["source_snapshot_id"])
	unknown.not_true(object.get(copy.config, "encrypted", null))
	msg := sprintf("%s copies %s, a snapshot of the unencrypted volume %s, without encrypted = true", [copy.address, snapshot.address, volume.address])
	fix := [result.set(["encrypted"], true)]
}

# A volume restored from a snapshot takes the snapshot's encryption, which is not known here.
unencrypted(volume) if {
	tf.unset(volume, ["snapshot_id"])
	unknown.not_true(object.get(volume.config, "encrypted", null))
}
