# METADATA
# title: CloudTrail log bucket is publicly accessible
# description: |
#   The bucket that receives CloudTrail logs has a public canned ACL. Audit logs reveal the
#   account's resources, principals, source addresses and API usage; anyone on the internet could
#   read them, and with public-read-write also delete or forge them. An ACL that the bucket's
#   public access block ignores (ignore_public_acls = true) grants nothing and is not reported here.
# related_resources:
#   - ref: https://docs.aws.amazon.com/awscloudtrail/latest/userguide/securing-bucket-access.html
# custom:
#   id: PAL-AWS-CLOUDTRAIL-008
#   severity: critical
#   formats: [terraform]
#   resource_types: [aws_cloudtrail, aws_s3_bucket, aws_s3_bucket_acl]
#   frameworks:
#     cis-aws-2.0: ["3.3"]
#   references:
#     trivy: AVD-AWS-0161
#     kics: bd0088a5-c133-4b20-b129-ec9968b16ef3
#   cwe: ["CWE-732"]
#   remediation: Set the bucket's ACL to private and block public access on it.
#   fixable: true
package palisade.aws.cloudtrail.log_bucket_public

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
