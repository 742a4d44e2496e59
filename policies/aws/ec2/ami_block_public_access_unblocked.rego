# METADATA
# title: AMI block public access is turned off
# description: |
#   aws_ec2_image_block_public_access with state = "unblocked" lets anyone in the account make an
#   AMI public in the region (a launch permission for group "all"), and with it the snapshots and
#   whatever was baked into the image. "block-new-sharing" refuses new public sharing and leaves
#   AMIs that are already public as they are. The fix sets "block-new-sharing" (the only other
#   value), except where the same configuration itself makes an AMI public or may do so
#   (aws_ami_launch_permission with group "all" or an unknown group): there the block would make
#   that launch permission fail at apply, so the finding comes without a fix.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/block-public-access-to-amis.html
# custom:
#   id: PAL-AWS-EC2-016
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_ec2_image_block_public_access]
#   frameworks: {}
#   references: {}
#   cwe: ["CWE-732"]
#   remediation: Set state = "block-new-sharing" and share AMIs with accounts or organizations instead of the public.
#   fixable: true
package palisade.aws.ec2.ami_block_public_access_unblocked

import data.palisade.lib.fixes
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

# A public share the configuration makes would fail at apply once sharing is blocked: no fix then.
deny contains fixes.finding(r, ["state"], message(r), fix) if {
	some r in unblocked
	fix := [op | not shares_publicly; op := result.set(["state"], "block-new-sharing")]
}

unblocked := [r |
	some r in tf.resources("aws_ec2_image_block_public_access")
	unknown.known_string(object.get(r.config, "state", null)) == "unblocked"
]

message(r) := sprintf("%s leaves public sharing of AMIs unblocked", [r.address])

# Evaluated once per scan, and only when an unblocked setting exists (the set is small: launch
# permissions). A group other than a known non-"all" string counts, so a fix is never offered
# that could break a share the configuration makes.
shares_publicly if {
	count(unblocked) > 0
	some p in tf.resources("aws_ami_launch_permission")
	group := object.get(p.config, "group", null)
	group != null
	not known_other_group(group)
}

known_other_group(g) if lower(unknown.known_string(g)) != "all"
