# METADATA
# title: EBS volume is not encrypted
# description: |
#   The volume has encrypted unset or false (and EBS encryption by default is not enabled in
#   this configuration), so its data and every snapshot taken from it are stored unencrypted.
# related_resources:
#   - ref: https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html
# custom:
#   id: PAL-AWS-EC2-004
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_ebs_volume, aws_ebs_encryption_by_default, "module:terraform-aws-modules/ec2-instance/aws"]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_3
#     trivy: AVD-AWS-0026
#     kics: cc997676-481b-4e93-aa81-d19f8c5e9b12
#   cwe: ["CWE-311"]
#   remediation: Set encrypted = true (optionally with kms_key_id).
#   fixable: true
package palisade.aws.ec2.ebs_volume_unencrypted

import data.palisade.aws.ec2.instance_volume_unencrypted as instance_rule
import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

deny contains result.fail_fix(r, ["encrypted"], msg, [result.set(["encrypted"], true)]) if {
	not instance_rule.default_encryption_on
	some r in tf.resources("aws_ebs_volume")
	tf.unset(r, ["snapshot_id"])
	unknown.not_true(object.get(r.config, "encrypted", null))
	msg := sprintf("%s is not encrypted", [r.address])
}

# Opaque ec2-instance calls (v6): each ebs_volumes entry becomes an aws_ebs_volume.
deny contains result.fail_fix(m, path, msg, [result.set(path, true)]) if {
	not instance_rule.default_encryption_on
	some m in modules.ec2_instances
	volumes := object.get(m.config, "ebs_volumes", {})
	is_object(volumes)
	unknown.known(volumes)
	some key, v in volumes
	is_object(v)
	object.get(v, "snapshot_id", null) in {null, ""}
	unknown.not_true(object.get(v, "encrypted", null))
	path := ["ebs_volumes", key, "encrypted"]
	msg := sprintf("%s creates the EBS volume %q unencrypted", [m.address, key])
}
