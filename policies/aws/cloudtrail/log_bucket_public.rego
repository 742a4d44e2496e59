# METADATA
# title: CloudTrail log bucket is publicly accessible
# description: |
#   The bucket that receives CloudTrail logs has a public canned ACL, or a bucket policy that
#   allows any principal without a condition that scopes it. Audit logs reveal the account's
#   resources, principals, source addresses and API usage; anyone on the internet could read
#   them, and with write access also delete or forge them. An ACL that the bucket's public access
#   block ignores (ignore_public_acls = true) grants nothing, and a public policy is held back by
#   restrict_public_buckets (true or unknown) on the bucket or the account; neither is reported then (except a
#   statement limited to fixed aws:SourceIp ranges, which S3 does not deem public and so leaves in
#   force).
#   block_public_policy does not hold a policy back: S3 only refuses to store a new public one, and
#   one stored before the switch (Terraform does not order the two) stays in force.
# related_resources:
#   - ref: https://docs.aws.amazon.com/awscloudtrail/latest/userguide/securing-bucket-access.html
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html
# custom:
#   id: PAL-AWS-CLOUDTRAIL-008
#   severity: critical
#   formats: [terraform]
#   resource_types: [aws_cloudtrail, aws_s3_bucket, aws_s3_bucket_acl, aws_s3_bucket_policy]
#   frameworks:
#     cis-aws-2.0: ["3.3"]
#   references:
#     trivy: AVD-AWS-0161
#     kics: bd0088a5-c133-4b20-b129-ec9968b16ef3
#   cwe: ["CWE-732"]
#   remediation: Set the bucket's ACL to private, drop the statements that allow any principal from its policy, and block public access on it.
#   fixable: true
package palisade.aws.cloudtrail.log_bucket_public

import data.palisade.lib.resource_policy
import data.palisade.lib.result
import data.palisade.lib.s3
import data.palisade.lib.tf
import data.palisade.lib.unknown

public_acls := {"public-read", "public-read-write", "authenticated-read"}

# A public access block of the bucket with ignore_public_acls makes S3 disregard the ACL, so the
# logs are not public through it (S3-017 reports the ignored ACL; round 27, HashiCorp's
# cloudtrail-logs-bucket-not-public pass case).
deny contains result.fail_fix(holder, ["acl"], msg, [result.set(["acl"], "private")]) if {
	some [trail, bucket] in trail_buckets
	some holder in array.concat([bucket], [a | some a in s3.companions(bucket, "aws_s3_bucket_acl")])
	acl := unknown.known_string(holder.config.acl)
	acl in public_acls
	not s3.public_acls_ignored(bucket)
	msg := sprintf("%s receives the CloudTrail logs of %s but its ACL is %s", [bucket.address, trail.address, acl])
}

# CIS 3.3 also asks that no bucket policy statement open the logs to everyone. The finding has no
# fix: which statement to drop, or whether to narrow it, is the owner's call.
deny contains result.with_related(result.fail(p.resource, p.path, msg), related) if {
	some [trail, bucket] in trail_buckets
	some p in s3.bucket_policies(bucket)
	entries := [e |
		some e in resource_policy.any_principal_statements(resource_policy.document(p.doc))
		not held_back(bucket, e.statement)
	]
	count(entries) > 0
	related := [result.related(p.resource, array.concat(p.path, array.concat(e.path, ["Principal"])), "open to any principal") | some e in entries]
	labels := concat(", ", [resource_policy.action_labels(e.statement) | some e in entries])
	msg := sprintf("%s receives the CloudTrail logs of %s but its bucket policy allows %s to any principal", [bucket.address, trail.address, labels])
}

# held_back(bucket, s): restrict_public_buckets, on the bucket or the account (true or unknown),
# confines a policy S3 deems public to AWS services and the owner's account; block_public_policy
# does not ("Enabling this setting doesn't affect existing bucket policies", S3 API reference, and
# nothing orders the policy after the block). The shared reading is lib/s3.rego's
# restricts_public_policies. A statement that admits fixed aws:SourceIp ranges is not public to
# S3, so restrict_public_buckets leaves it in force: anyone calling from those addresses.
held_back(bucket, s) if {
	s3.restricts_public_policies(bucket)
	not address_limited(s)
}

# IpAddress on aws:SourceIp with ranges short of "everywhere" (NotIpAddress admits everyone else,
# which S3 deems public).
address_limited(s) if {
	some operator, keys in s.Condition
	lower(operator) == "ipaddress"
	some key, value in keys
	lower(key) == "aws:sourceip"
	not "0.0.0.0/0" in resource_policy.value_list(value)
	not "::/0" in resource_policy.value_list(value)
}

# trail_buckets: [trail, bucket] for each bucket a trail delivers to, by reference or known name.
trail_buckets contains [trail, bucket] if {
	some trail in tf.resources("aws_cloudtrail")
	some bucket in s3.buckets
	delivers_to(trail, bucket)
}

delivers_to(trail, bucket) if {
	some ref in trail.references
	ref.path == ["s3_bucket_name"]
	tf.refers_to(ref.target, bucket.address)
}

delivers_to(trail, bucket) if {
	name := unknown.known_string(trail.config.s3_bucket_name)
	name == bucket.config.bucket
}
