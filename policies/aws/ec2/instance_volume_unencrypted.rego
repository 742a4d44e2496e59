# METADATA
# title: EC2 instance block device is not encrypted
# description: |
#   A root or EBS block device declared on an instance, spot instance request, spot fleet launch
#   specification, launch template or launch configuration has encrypted unset or false, so its data, snapshots and AMIs made from it are stored
#   unencrypted (unless EBS encryption by default is on for the account). Encryption at rest
#   protects data in snapshots shared by mistake and on retired media. Instances without block
#   device blocks are not reported: their root volume follows the AMI.
# related_resources:
#   - ref: https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html
# custom:
#   id: PAL-AWS-EC2-003
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_instance, aws_spot_instance_request, aws_spot_fleet_request, aws_launch_template, aws_launch_configuration, aws_ebs_encryption_by_default, "module:terraform-aws-modules/ec2-instance/aws", "module:terraform-aws-modules/autoscaling/aws"]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_8
#     trivy: [AVD-AWS-0008, AVD-AWS-0131]
#     kics: [4de9de27-254e-424f-bd70-4c1e95790838, 1f624961-9a18-4387-91c8-3856e1974b6f]
#   cwe: ["CWE-311"]
#   remediation: Set encrypted = true on the block device (optionally with kms_key_id), or enable EBS encryption by default.
#   fixable: true
package palisade.aws.ec2.instance_volume_unencrypted

import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

# EBS encryption by default (enabled or unknown) in the same configuration covers every volume.
default_encryption_on if {
	some r in tf.resources("aws_ebs_encryption_by_default")
	not unknown.is_false(object.get(r.config, "enabled", true))
}

devices contains {"resource": r, "path": [kind, i], "device": d} if {
	some r in input.resources
	r.type in {"aws_instance", "aws_spot_instance_request", "aws_launch_configuration"}
	some kind in ["root_block_device", "ebs_block_device"]
	some i, d in tf.blocks(r, kind)
}

# A spot fleet's launch_specification blocks carry an instance's block devices (a fleet built from
# launch templates is judged through the templates).
devices contains {"resource": r, "path": ["launch_specification", i, kind, j], "device": d} if {
	some r in tf.resources("aws_spot_fleet_request")
	some i, spec in tf.blocks(r, "launch_specification")
	some kind in ["root_block_device", "ebs_block_device"]
	some j, d in unknown.items(object.get(spec, kind, []))
}

devices contains {"resource": r, "path": ["block_device_mappings", i, "ebs", j], "device": ebs} if {
	some r in tf.resources("aws_launch_template")
	some i, mapping in tf.blocks(r, "block_device_mappings")
	some j, ebs in object.get(mapping, "ebs", [])
}

# Opaque ec2-instance calls: root_block_device (an object from v6, a list of maps before) and
# ebs_block_device (a list, before v6) become the instance's block devices; autoscaling calls'
# block_device_mappings entries carry an `ebs` map for the launch template. Set ones are judged.
devices contains {"resource": m, "path": ["root_block_device"], "device": d} if {
	some m in modules.ec2_instances
	d := m.config.root_block_device
	is_object(d)
	unknown.known(d)
}

devices contains {"resource": m, "path": [kind, i], "device": d} if {
	some m in modules.ec2_instances
	some kind in ["root_block_device", "ebs_block_device"]
	some i, d in unknown.items(object.get(m.config, kind, []))
	is_object(d)
}

# Autoscaling calls before v4 built a launch configuration instead, from root_block_device and
# ebs_block_device lists of maps (create_lc switched it on).
devices contains {"resource": m, "path": [kind, i], "device": d} if {
	some m in modules.calls_creating("autoscaling", ["create_lc"])
	modules.pinned_below(m, 4)
	some kind in ["root_block_device", "ebs_block_device"]
	some i, d in unknown.items(object.get(m.config, kind, []))
	is_object(d)
}

devices contains {"resource": m, "path": ["block_device_mappings", i, "ebs"], "device": ebs} if {
	some m in modules.asg_launch_templates
	some i, mapping in unknown.items(object.get(m.config, "block_device_mappings", []))
	ebs := mapping.ebs
	is_object(ebs)
	unknown.known(ebs)
}

deny contains result.fail_fix(d.resource, path, msg, [result.set(path, true)]) if {
	not default_encryption_on
	some d in devices

	# A volume restored from a snapshot takes the snapshot's encryption ("" names no snapshot).
	object.get(d.device, "snapshot_id", null) in {null, ""}
	unknown.not_true(object.get(d.device, "encrypted", null))
	path := array.concat(d.path, ["encrypted"])
	msg := sprintf("%s has an unencrypted block device", [d.resource.address])
}
