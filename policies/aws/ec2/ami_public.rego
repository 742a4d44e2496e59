# METADATA
# title: AMI is shared publicly
# description: |
#   An aws_ami_launch_permission with group = "all" makes the image public: every AWS account can
#   launch it and copy its snapshots. Whatever was baked into the image (application code,
#   configuration, keys or credentials left on the disk) is then readable by anyone. Share images
#   with the accounts, organization or organizational units that need them, and turn on block
#   public access for AMIs in each Region.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/sharingamis-intro.html
#   - ref: https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/block-public-access-to-amis.html
# custom:
#   id: PAL-AWS-EC2-013
#   severity: high
#   formats: [terraform]
#   resource_types: [aws_ami_launch_permission]
#   frameworks: {}
#   references: {}
#   cwe: ["CWE-668"]
#   remediation: Share the AMI with account_id, organization_arn or organizational_unit_arn instead of group = "all".
#   fixable: false
package palisade.aws.ec2.ami_public

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

# "all" is the only group EC2 accepts (ModifyImageAttribute's UserGroups); no fix: which accounts
# should launch the image is the owner's choice, and deleting the share is not an edit of it.
deny contains result.fail(r, ["group"], msg) if {
	some r in tf.resources("aws_ami_launch_permission")
	lower(unknown.known_string(object.get(r.config, "group", null))) == "all"
	msg := sprintf("%s makes the AMI public (group = \"all\")", [r.address])
}
