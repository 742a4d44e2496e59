# METADATA
# title: S3 bucket has a public ACL that its public access block ignores
# description: |
#   The bucket asks for a public canned ACL while its public access block, or the account public
#   access block of the configuration, sets ignore_public_acls, so S3 disregards the ACL. Either the bucket is meant to be public and silently is not, or the
#   ACL is a leftover that becomes live the day the block is relaxed. Setting the ACL to "private"
#   changes nothing today and removes the trap. Opaque terraform-aws-modules/s3-bucket calls are
#   checked through their acl and ignore_public_acls arguments.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html
# custom:
#   id: PAL-AWS-S3-017
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_s3_bucket, aws_s3_bucket_acl, "module:terraform-aws-modules/s3-bucket/aws"]
#   frameworks: {}
#   references:
#     kics: bf878b1a-7418-4de3-b13c-3a86cf894920
#   cwe: ["CWE-732"]
#   remediation: Set acl = "private" (the public access block already makes the public ACL ineffective).
#   fixable: true
package palisade.aws.s3.public_acl_ignored

import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.s3
import data.palisade.lib.unknown

public_canned_acls := {"public-read", "public-read-write", "authenticated-read"}

warn contains result.fail_fix(r, ["acl"], msg(r, ignoring), [result.set(["acl"], "private")]) if {
	some r in input.resources
	r.type in {"aws_s3_bucket", "aws_s3_bucket_acl"}
	unknown.known_string(r.config.acl) in public_canned_acls
	ignoring := bucket_block(s3.bucket_of(r))
}

warn contains result.fail_fix(m, ["acl"], msg(m, ignoring), [result.set(["acl"], "private")]) if {
	some m in modules.s3_buckets
	unknown.known_string(m.config.acl) in public_canned_acls
	ignoring := module_block(m)
}

# Which block makes S3 ignore the ACL: the bucket's own first, else the account's.
bucket_block(bucket) := "its public access block" if {
	s3.bucket_ignores_public_acls(bucket)
} else := "the account public access block" if {
	s3.account_ignores_public_acls
}

module_block(m) := "its public access block" if {
	unknown.is_true(m.config.ignore_public_acls)
} else := "the account public access block" if {
	s3.account_ignores_public_acls
}

msg(r, ignoring) := sprintf("%s sets a public ACL that %s ignores", [r.address, ignoring])
