# METADATA
# title: EBS snapshot block public access is turned off
# description: |
#   aws_ebs_snapshot_block_public_access with state = "unblocked" lets anyone in the account share
#   an EBS snapshot publicly in the region, so a single modify-snapshot-attribute call exposes a
#   disk's data to every AWS account. "block-new-sharing" refuses new public sharing;
#   "block-all-sharing" also hides snapshots that are already public. The fix sets
#   "block-new-sharing": it stops new exposure without silently withdrawing a snapshot the owner
#   published on purpose (block-all-sharing would, and the configuration cannot show whether one
#   exists). Accounts with no deliberately public snapshot should go on to "block-all-sharing",
#   which is what Security Hub EC2.182 asks for.
# related_resources:
#   - ref: https://docs.aws.amazon.com/ebs/latest/userguide/block-public-access-snapshots.html
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html
# custom:
#   id: PAL-AWS-EC2-015
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_ebs_snapshot_block_public_access]
#   frameworks: {}
#   references: {}
#   cwe: ["CWE-732"]
#   remediation: Set state = "block-new-sharing", or "block-all-sharing" when no snapshot in the region is meant to be public.
#   fixable: true
package palisade.aws.ec2.ebs_snapshot_block_public_access_unblocked

import data.palisade.lib.fixes
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

# state is required and its values are case-sensitive (block-all-sharing, block-new-sharing,
# unblocked); only a known "unblocked" is reported. The upstream aws_snapshot_create_volume_permission
# takes an account id only, but a provider build with a public group = "all" share exists: when the
# configuration has such a share (or an unknown group), the block would fail it at apply, so the
# finding then comes without a fix (as PAL-AWS-EC2-016 does for AMIs).
deny contains fixes.finding(r, ["state"], message(r), fix) if {
	some r in unblocked
	fix := [op | not shares_publicly; op := result.set(["state"], "block-new-sharing")]
}

unblocked := [r |
	some r in tf.resources("aws_ebs_snapshot_block_public_access")
	unknown.known_string(object.get(r.config, "state", null)) == "unblocked"
]

message(r) := sprintf("%s leaves public sharing of EBS snapshots unblocked", [r.address])

# Once per scan, only when an unblocked setting exists, over volume permissions only.
shares_publicly if {
	count(unblocked) > 0
	some p in tf.resources("aws_snapshot_create_volume_permission")
	group := object.get(p.config, "group", null)
	group != null
	not known_other_group(group)
}

known_other_group(g) if lower(unknown.known_string(g)) != "all"
