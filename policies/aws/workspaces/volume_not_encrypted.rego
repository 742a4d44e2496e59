# METADATA
# title: WorkSpaces volume is not encrypted
# description: |
#   A WorkSpace's root volume (the C: drive or /) and user volume (D: or /home) hold the user's
#   documents, cached credentials and browser data; unless root_volume_encryption_enabled and
#   user_volume_encryption_enabled are true (with volume_encryption_key) they are stored
#   unencrypted, including their snapshots. Encryption can only be chosen when the WorkSpace is
#   created, so changing it replaces the WorkSpace and its user's data: no automatic fix.
# related_resources:
#   - ref: https://docs.aws.amazon.com/workspaces/latest/adminguide/encrypt-workspaces.html
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/workspaces-controls.html
# custom:
#   id: PAL-AWS-WORKSPACES-001
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_workspaces_workspace]
#   frameworks: {}
#   references:
#     checkov: [CKV_AWS_155, CKV_AWS_156]
#     trivy: AVD-AWS-0109
#     kics: b9033580-6886-401a-8631-5f19f5bb24c7
#   cwe: ["CWE-311"]
#   remediation: Create the WorkSpace with root_volume_encryption_enabled and user_volume_encryption_enabled true and a volume_encryption_key.
#   fixable: false
package palisade.aws.workspaces.volume_not_encrypted

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

volumes := {"root_volume_encryption_enabled": "root", "user_volume_encryption_enabled": "user"}

# One finding per unencrypted volume: on the switch when it says false, on the WorkSpace when unset.
deny contains result.fail(r, [attr], msg) if {
	some r in tf.resources("aws_workspaces_workspace")
	some attr, volume in volumes
	not_encrypted(object.get(r.config, attr, null))
	msg := sprintf("the %s volume of %s is not encrypted", [volume, r.address])
}

not_encrypted(null)

not_encrypted(v) if unknown.is_false(v)
