# METADATA
# title: AMI creates unencrypted EBS volumes
# description: |
#   An aws_ami_copy without encrypted = true keeps the source image's encryption, so a copy of an
#   unencrypted AMI is unencrypted too; copying with encryption is how EC2 encrypts an existing
#   image. An aws_ami block device that names no snapshot is a blank volume created at every launch,
#   unencrypted unless the mapping sets encrypted = true. Either way every instance launched from the
#   image gets disks whose data, and the snapshots taken of them, are stored in clear. EBS
#   encryption by default in this configuration (aws_ebs_encryption_by_default) encrypts both.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/AMIEncryption.html
#   - ref: https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html
# custom:
#   id: PAL-AWS-EC2-014
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_ami_copy, aws_ami, aws_ebs_encryption_by_default]
#   frameworks: {}
#   references:
#     checkov: [CKV_AWS_235, CKV_AWS_204]
#   cwe: ["CWE-311"]
#   remediation: Set encrypted = true on the AMI copy, or on the AMI's block devices that are not restored from a snapshot.
#   fixable: true
package palisade.aws.ec2.ami_unencrypted

import data.palisade.aws.ec2.instance_volume_unencrypted as instance_rule
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

# The copy's own `encrypted` (its header when unset). Setting it is always accepted: an encrypted
# source is copied encrypted anyway, and a kms_key_id already written needs it. AWS replaces the
# copy (the argument forces a new image).
deny contains result.fail_fix(r, ["encrypted"], msg, [result.set(["encrypted"], true)]) if {
	not instance_rule.default_encryption_on
	some r in tf.resources("aws_ami_copy")
	unknown.not_true(object.get(r.config, "encrypted", null))
	msg := sprintf("%s copies the AMI without encrypted = true, so a copy of an unencrypted image stays unencrypted", [r.address])
}

# A mapping restored from a snapshot takes the snapshot's encryption, which registering the image
# cannot change (KICS's ami_not_encrypted, which asks for encrypted on those too, is not counted:
# docs/heldout.md); only blank volumes are judged.
deny contains result.fail_fix(r, path, msg, [result.set(path, true)]) if {
	not instance_rule.default_encryption_on
	some r in tf.resources("aws_ami")
	some i, d in tf.blocks(r, "ebs_block_device")
	object.get(d, "snapshot_id", null) in {null, ""}
	unknown.not_true(object.get(d, "encrypted", null))
	path := ["ebs_block_device", i, "encrypted"]
	msg := sprintf("%s maps a blank EBS volume (%s) without encrypted = true", [r.address, device_label(d)])
}

device_label(d) := name if {
	name := unknown.known_string(d.device_name)
} else := "device name unknown"
