# METADATA
# title: S3 bucket ownership controls keep ACLs enabled
# description: |
#   With object_ownership "ObjectWriter" or "BucketOwnerPreferred" S3 still evaluates access control
#   lists, so objects uploaded by other accounts can stay owned by them and a single public ACL can
#   expose an object. "BucketOwnerEnforced" disables ACLs: the bucket owner owns every object and
#   access is governed by policies only.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/about-object-ownership.html
# custom:
#   id: PAL-AWS-S3-016
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_s3_bucket_ownership_controls]
#   frameworks: {}
#   references:
#     checkov: CKV2_AWS_65
#   remediation: Set rule.object_ownership = "BucketOwnerEnforced" (after moving any grants that ACLs provided into bucket policies).
#   fixable: true
package palisade.aws.s3.bucket_acls_enabled

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

warn contains result.fail_fix(r, path, msg, [result.set(path, "BucketOwnerEnforced")]) if {
	some r in tf.resources("aws_s3_bucket_ownership_controls")
	some i, rule in tf.blocks(r, "rule")
	ownership := unknown.known_string(rule.object_ownership)
	ownership != "BucketOwnerEnforced"
	path := ["rule", i, "object_ownership"]
	msg := sprintf("%s keeps ACLs enabled (object_ownership = %q)", [r.address, ownership])
}
