# METADATA
# title: S3 bucket policy does not deny insecure (HTTP) requests
# description: |
#   S3 accepts plain HTTP requests unless a bucket policy denies them. Without a Deny statement
#   conditioned on aws:SecureTransport = false, data and credentials-bearing requests can travel
#   unencrypted and be read or altered in transit.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html
# custom:
#   id: PAL-AWS-S3-007
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_s3_bucket, aws_s3_bucket_policy]
#   frameworks:
#     cis-aws-2.0: ["2.1.1"]
#   references:
#   cwe: ["CWE-319"]
#   remediation: Add a bucket policy statement that denies s3:* to all principals when aws:SecureTransport is false.
#   fixable: true
package palisade.aws.s3.bucket_insecure_transport

import data.palisade.lib.fixes
import data.palisade.lib.iam
import data.palisade.lib.result
import data.palisade.lib.s3
import data.palisade.lib.tf
import data.palisade.lib.unknown

# No policy at all: report on the bucket. The fix adds a policy with only the deny statement.
deny contains fixes.finding(bucket, [], msg, policy_fix(bucket)) if {
	not s3.companion_unresolved("aws_s3_bucket_policy")
	some bucket in s3.buckets
	count(s3.bucket_policies(bucket)) == 0
	msg := sprintf("%s has no bucket policy denying insecure (HTTP) requests", [bucket.address])
}

# Policies exist, all known, none denies HTTP: report on each policy.
deny contains result.fail(p.resource, p.path, msg) if {
	some bucket in s3.buckets
	policies := s3.bucket_policies(bucket)
	count(policies) > 0
	every q in policies {
		unknown.known(q.doc)
		not denies_insecure_transport(q.doc)
	}
	some p in policies
	msg := sprintf("the policy of %s does not deny insecure (HTTP) requests", [bucket.address])
}

policy_fix(bucket) := [result.add_resource("aws_s3_bucket_policy", bucket.name, {
	"bucket": result.expr(sprintf("%s.id", [bucket.address])),
	"policy": result.expr(deny_http_policy(bucket.address)),
})] if {
	fixes.can_add_resource(bucket)
	not policy_named(bucket.name)
} else := []

policy_named(name) if {
	some p in tf.resources("aws_s3_bucket_policy")
	p.name == name
}

# Written for a top-level resource block (the only place the fix adds one).
deny_http_policy(address) := concat("\n", [
	"jsonencode({",
	"    Version = \"2012-10-17\"",
	"    Statement = [{",
	"      Sid       = \"DenyInsecureTransport\"",
	"      Effect    = \"Deny\"",
	"      Principal = \"*\"",
	"      Action    = \"s3:*\"",
	sprintf("      Resource  = [%s.arn, \"${%s.arn}/*\"]", [address, address]),
	"      Condition = { Bool = { \"aws:SecureTransport\" = \"false\" } }",
	"    }]",
	"  })",
])

denies_insecure_transport(doc) if {
	some entry in iam.statements(doc)
	s := entry.statement
	iam.is_deny(s)
	some operator in ["Bool", "BoolIfExists"]
	value := s.Condition[operator]["aws:SecureTransport"]
	is_false_value(value)
}

is_false_value(v) if unknown.is_false(v)

is_false_value(v) if {
	is_array(v)
	some x in v
	unknown.is_false(x)
}

# An unknown condition value could be "false".
is_false_value(v) if unknown.is_unknown(v)
