# METADATA
# title: S3 bucket ACL grants public access
# description: |
#   A canned ACL of public-read, public-read-write or authenticated-read, or a grant to the
#   AllUsers or AuthenticatedUsers groups, lets anyone on the internet (or any AWS account) list,
#   read or write the bucket's objects. Public data exposure through ACLs is a leading cause of
#   S3 data leaks; AWS recommends disabling ACLs altogether (object ownership BucketOwnerEnforced).
#   A canned ACL that the bucket's public access block ignores (ignore_public_acls) grants nothing:
#   S3-017 reports that contradiction instead.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html
# custom:
#   id: PAL-AWS-S3-001
#   severity: high
#   formats: [terraform]
#   resource_types: [aws_s3_bucket, aws_s3_bucket_acl, "module:terraform-aws-modules/s3-bucket/aws"]
#   frameworks: {}
#   references:
#     checkov: [CKV_AWS_20, CKV_AWS_57, CKV2_AWS_43, CKV_AWS_375]
#     trivy: AVD-AWS-0092
#     kics:
#       - 38c5ee0d-7f22-4260-ab72-5073048df100
#       - 57b9893d-33b1-4419-bcea-a717ea87e139
#       - 5738faf3-3fe6-4614-a93d-f0003242d4f9
#   cwe: ["CWE-732"]
#   remediation: Use the private canned ACL and grant access through bucket policies to named principals.
#   fixable: true
package palisade.aws.s3.bucket_public_acl

import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.s3
import data.palisade.lib.tf
import data.palisade.lib.unknown

public_canned_acls := {"public-read", "public-read-write", "authenticated-read"}

public_group_uris := {
	"http://acs.amazonaws.com/groups/global/AllUsers",
	"http://acs.amazonaws.com/groups/global/AuthenticatedUsers",
}

deny contains result.fail_fix(r, ["acl"], msg, [result.set(["acl"], "private")]) if {
	some r in array.concat([r | some r in input.resources; r.type in {"aws_s3_bucket", "aws_s3_bucket_acl"}], modules.s3_buckets)
	r.config.acl in public_canned_acls
	not acl_ignored(r)
	msg := sprintf("%s uses the public canned ACL %q", [r.address, r.config.acl])
}

# Provider v3 inline grants.
deny contains result.fail(r, ["grant", i, "uri"], msg) if {
	some r in tf.resources("aws_s3_bucket")
	some i, grant in tf.blocks(r, "grant")
	grant.uri in public_group_uris
	msg := sprintf("%s grants access to the %s group", [r.address, group_name(grant.uri)])
}

# Provider v4+ aws_s3_bucket_acl access_control_policy grants.
deny contains result.fail(r, path, msg) if {
	some r in tf.resources("aws_s3_bucket_acl")
	some i, acp in tf.blocks(r, "access_control_policy")
	some j, grant in object.get(acp, "grant", [])
	some k, grantee in object.get(grant, "grantee", [])
	grantee.uri in public_group_uris
	path := ["access_control_policy", i, "grant", j, "grantee", k, "uri"]
	msg := sprintf("%s grants access to the %s group", [r.address, group_name(grantee.uri)])
}

group_name(uri) := substring(uri, count("http://acs.amazonaws.com/groups/global/"), -1)

# S3 disregards public ACLs on a bucket whose public access block (or the account's) sets ignore_public_acls, so the
# ACL grants nothing; public_acl_ignored (S3-017) reports it, with the same fix. Asked only of
# buckets with a public canned ACL.
acl_ignored(r) if {
	r.type in {"aws_s3_bucket", "aws_s3_bucket_acl"}
	s3.public_acls_ignored(s3.bucket_of(r))
}

acl_ignored(r) if {
	not r.type in {"aws_s3_bucket", "aws_s3_bucket_acl"}
	unknown.is_true(object.get(r.config, "ignore_public_acls", null))
}

acl_ignored(r) if {
	not r.type in {"aws_s3_bucket", "aws_s3_bucket_acl"}
	s3.account_ignores_public_acls
}
