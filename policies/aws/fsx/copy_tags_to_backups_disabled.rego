# METADATA
# title: FSx file system does not copy its tags to backups
# description: |
#   Amazon FSx for Lustre (persistent deployments) and FSx for OpenZFS copy a file system's tags to
#   its backups only when copy_tags_to_backups is true (OpenZFS also copies them to its volumes
#   with copy_tags_to_volumes); both default to false. Untagged backups escape what the tags drive:
#   tag-based access control (ABAC) on fsx: actions such as DeleteBackup and
#   CreateFileSystemFromBackup, cost allocation, and the owner and data-classification labels that
#   reviewers and clean-up tooling rely on. AWS Security Hub asks for both (FSx.1 for OpenZFS, FSx.2
#   for Lustre). Scratch Lustre file systems take no backups and are not judged; an unknown
#   deployment type or flag is left alone.
# related_resources:
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/fsx-controls.html
#   - ref: https://docs.aws.amazon.com/fsx/latest/LustreGuide/using-backups-fsx.html
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/fsx_lustre_file_system#copy_tags_to_backups
# custom:
#   id: PAL-AWS-FSX-001
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_fsx_lustre_file_system, aws_fsx_openzfs_file_system]
#   frameworks: {}
#   references: {}
#   remediation: Set copy_tags_to_backups = true (and copy_tags_to_volumes = true on an OpenZFS file system).
#   fixable: true
package palisade.aws.fsx.copy_tags_to_backups_disabled

# Security Hub FSx.2 (Lustre) and FSx.1 (OpenZFS); AWS Config fsx-lustre-copy-tags-to-backups and
# fsx-openzfs-copy-tags-enabled. Written from the FSx and provider documentation: the flags default
# to false in the API and in the provider, so an unset flag is reported like an explicit false.

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

# Only persistent Lustre file systems take backups (the provider documents copy_tags_to_backups for
# PERSISTENT_1 and PERSISTENT_2; the default deployment type, SCRATCH_1, has none).
persistent := {"PERSISTENT_1", "PERSISTENT_2"}

deny contains result.fail_fix(r, ["copy_tags_to_backups"], msg(r, "backups"), [result.set(["copy_tags_to_backups"], true)]) if {
	some r in tf.resources("aws_fsx_lustre_file_system")
	deployment := tf.attr(r, ["deployment_type"])
	is_string(deployment)
	upper(deployment) in persistent
	unknown.not_true(tf.attr(r, ["copy_tags_to_backups"]))
}

deny contains result.fail_fix(r, [flag], msg(r, target), [result.set([flag], true)]) if {
	some r in tf.resources("aws_fsx_openzfs_file_system")
	some [flag, target] in [["copy_tags_to_backups", "backups"], ["copy_tags_to_volumes", "volumes"]]
	unknown.not_true(tf.attr(r, [flag]))
}

msg(r, target) := sprintf("%s does not copy its tags to its %s", [r.address, target])
