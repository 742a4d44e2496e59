# METADATA
# title: S3 access point does not block public access
# description: |
#   An aws_s3_access_point blocks public access unless its public_access_block_configuration
#   turns a setting off. With block_public_acls, ignore_public_acls, block_public_policy or
#   restrict_public_buckets set to false, the access point's policy or the objects' ACLs can grant
#   the public access through the access point that the bucket's own settings may be relied on to
#   stop. AWS Security Hub (S3.19) asks for access points with every block public access setting
#   on. A multi-Region access point (aws_s3control_multi_region_access_point, details
#   public_access_block, also true unless set) is checked the same way.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-points-bpa-settings.html
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-19
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_access_point#public_access_block_configuration
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/multi-region-access-point-block-public-access.html
# custom:
#   id: PAL-AWS-S3-019
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_s3_access_point, aws_s3control_multi_region_access_point]
#   frameworks: {}
#   references: {}
#   cwe: ["CWE-284"]
#   remediation: Create the access point with all four public_access_block_configuration settings true (the default); they cannot be changed afterwards.
#   fixable: false
package palisade.aws.s3.access_point_public_access_not_blocked

# No fix: an access point's block public access settings are fixed at creation (the provider
# replaces the access point when they change), and a new access point has a new alias and ARN
# that its clients would have to be given. Only an explicit false is reported: the settings
# default to true. HashiCorp policy library round 27.

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

settings := ["block_public_acls", "ignore_public_acls", "block_public_policy", "restrict_public_buckets"]

deny contains result.fail(r, ["public_access_block_configuration", i, setting], msg) if {
	some r in tf.resources("aws_s3_access_point")
	some i, config in tf.blocks(r, "public_access_block_configuration")
	some setting in settings
	unknown.is_false(object.get(config, setting, null))
	msg := sprintf("%s does not block public access (%s = false)", [r.address, setting])
}

# Round 33 (Prowler s3_multi_region_access_point_public_access_block): the multi-Region access
# point's settings sit in details.public_access_block, fixed at creation like an access point's.
deny contains result.fail(r, ["details", i, "public_access_block", j, setting], msg) if {
	some r in tf.resources("aws_s3control_multi_region_access_point")
	some i, details in tf.blocks(r, "details")
	some j, config in unknown.items(object.get(details, "public_access_block", []))
	some setting in settings
	unknown.is_false(object.get(config, setting, null))
	msg := sprintf("%s does not block public access (%s = false)", [r.address, setting])
}
