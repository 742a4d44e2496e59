# METADATA
# title: S3 bucket ACL grants permission to change the ACL
# description: |
#   A WRITE_ACP (or FULL_CONTROL) grant lets the grantee rewrite the bucket's access control list,
#   and so grant itself or anyone else any permission on the bucket. Only the bucket owner should
#   hold it; log delivery and other service grantees need WRITE and READ_ACP at most. Grants to the
#   owner's own canonical user are not reported.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html#permissions
# custom:
#   id: PAL-AWS-S3-014
#   severity: high
#   formats: [terraform]
#   resource_types: [aws_s3_bucket_acl, aws_s3_bucket, "module:terraform-aws-modules/s3-bucket/aws"]
#   frameworks: {}
#   references:
#     kics: 64a222aa-7793-4e40-915f-4b302c76e4d4
#   cwe: ["CWE-732"]
#   remediation: Remove the WRITE_ACP / FULL_CONTROL grant (prefer BucketOwnerEnforced object ownership and bucket policies over ACLs).
#   fixable: true
package palisade.aws.s3.bucket_acl_grants_write_acp

import data.palisade.lib.fixes
import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

acl_admin := {"WRITE_ACP", "FULL_CONTROL"}

# Provider v4+ aws_s3_bucket_acl access_control_policy grants. A WRITE_ACP grant holds that one
# permission, so the fix removes the grant; FULL_CONTROL also grants access the grantee may need.
deny contains fixes.finding(r, path, msg(r, permission), revoke(permission, ["access_control_policy", i, "grant", j])) if {
	some r in tf.resources("aws_s3_bucket_acl")
	some i, acp in tf.blocks(r, "access_control_policy")
	some j, grant in unknown.items(object.get(acp, "grant", []))
	permission := unknown.known_string(grant.permission)
	permission in acl_admin
	not to_owner(acp, grant)
	path := ["access_control_policy", i, "grant", j, "permission"]
}

# Provider v3 inline grant blocks.
deny contains result.fail(r, ["grant", i, "permissions"], msg(r, permission)) if {
	some r in tf.resources("aws_s3_bucket")
	some i, grant in tf.blocks(r, "grant")
	some permission in unknown.items(grant.permissions)
	permission in acl_admin
	unknown.known_string(grant.type) == "Group"
}

# Opaque terraform-aws-modules/s3-bucket calls: each `grant` entry becomes a grant of the bucket's
# ACL, whose owner is owner.id or else the caller's canonical id (unknown here). A grant to a group
# or an e-mail address is never the owner's; a canonical user is judged only against a known owner.
deny contains result.fail(m, ["grant", j, "permission"], msg(m, permission)) if {
	some m in modules.s3_buckets
	object.get(m.config, "is_directory_bucket", false) == false
	some j, grant in unknown.items(object.get(m.config, "grant", []))
	permission := unknown.known_string(grant.permission)
	permission in acl_admin
	not_to_owner(m, grant)
}

revoke("WRITE_ACP", grant_path) := [result.remove(grant_path)]

revoke(permission, _) := [] if permission != "WRITE_ACP"

# The owner's own grant (same canonical id as the owner block, known or as the same expression).
to_owner(acp, grant) if {
	some grantee in unknown.items(grant.grantee)
	some owner in unknown.items(object.get(acp, "owner", []))
	grantee.id == owner.id
}

not_to_owner(_, grant) if unknown.known_string(grant.type) in {"Group", "AmazonCustomerByEmail"}

not_to_owner(m, grant) if {
	grant.type == "CanonicalUser"
	id := unknown.known_string(grant.id)
	id != unknown.known_string(m.config.owner.id)
}

msg(r, permission) := sprintf("%s grants %s, which lets the grantee rewrite the bucket ACL", [r.address, permission])
