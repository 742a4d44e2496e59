# METADATA
# title: ECS task mounts an EFS volume without encryption in transit
# description: |
#   Unless transit_encryption is ENABLED, NFS traffic between the task's host and the EFS file
#   system travels unencrypted inside the VPC, readable by anything that can capture it.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/efs-volumes.html
# custom:
#   id: PAL-AWS-ECS-002
#   severity: high
#   formats: [terraform]
#   resource_types: [aws_ecs_task_definition]
#   frameworks:
#     pci-dss-4.0: ["4.2.1"]
#   references:
#     checkov: CKV_AWS_97
#     trivy: AVD-AWS-0035
#     kics:
#       - 4d46ff3b-7160-41d1-a310-71d6d370b08f
#       - 4c3267c9-b2ac-40bf-93f6-b610fb8c7b9f
#   cwe: ["CWE-319"]
#   remediation: Set transit_encryption = "ENABLED" in efs_volume_configuration.
#   fixable: true
package palisade.aws.ecs.efs_volume_transit_unencrypted

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

deny contains result.fail_fix(r, path, msg, [result.set(path, "ENABLED")]) if {
	some r in tf.resources("aws_ecs_task_definition")
	some i, volume in tf.blocks(r, "volume")
	some j, efs in unknown.items(object.get(volume, "efs_volume_configuration", null))
	not enabled(object.get(efs, "transit_encryption", "DISABLED"))
	path := ["volume", i, "efs_volume_configuration", j, "transit_encryption"]
	msg := sprintf("%s mounts %s without encryption in transit", [r.address, volume_label(volume, i)])
}

# A volume whose name Terraform only knows at apply (a template of variables) is named by its
# position, as the container rules name such containers, rather than by the unknown's JSON.
volume_label(volume, _) := sprintf("EFS volume %q", [volume.name]) if is_string(object.get(volume, "name", null))

volume_label(volume, i) := sprintf("the EFS volume at index %d", [i]) if not is_string(object.get(volume, "name", null))

# DISABLED is the default; an unknown value may be ENABLED.
enabled(v) if upper(v) == "ENABLED"

enabled(v) if unknown.is_unknown(v)
