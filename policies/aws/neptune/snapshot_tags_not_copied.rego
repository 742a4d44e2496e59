# METADATA
# title: Neptune snapshots do not inherit the cluster's tags
# description: |
#   copy_tags_to_snapshot is false unless set, so the automated and manual snapshots of a Neptune
#   cluster carry none of its tags. Tags are how owners classify data and how IAM policies grant
#   access by attribute (aws:ResourceTag conditions on restoring and copying snapshots): an untagged
#   snapshot of a restricted graph falls outside the policies meant to protect it and outside the
#   inventory. AWS Security Hub asks for it as Neptune.8; PAL-AWS-RDS-015 is the same check for RDS.
# related_resources:
#   - ref: https://docs.aws.amazon.com/neptune/latest/userguide/tagging.html#tagging-overview
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/neptune-controls.html#neptune-8
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/neptune_cluster#copy_tags_to_snapshot
# custom:
#   id: PAL-AWS-NEPTUNE-008
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_neptune_cluster]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_362
#   remediation: Set copy_tags_to_snapshot = true.
#   fixable: true
package palisade.aws.neptune.snapshot_tags_not_copied

# Round 33 (Prowler neptune_cluster_copy_tags_to_snapshots). The fix sets the attribute in place:
# it changes nothing but the tags of snapshots taken from then on.

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

path := ["copy_tags_to_snapshot"]

deny contains result.fail_fix(r, path, msg, [result.set(path, true)]) if {
	some r in tf.resources("aws_neptune_cluster")
	unknown.not_true(tf.attr(r, path))
	msg := sprintf("%s does not copy its tags to its snapshots", [r.address])
}
