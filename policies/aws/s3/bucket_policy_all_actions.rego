# METADATA
# title: S3 bucket policy allows all S3 actions
# description: |
#   An Allow statement with Action "*" or "s3:*" lets its principals not only read and write objects
#   but also delete the bucket and change its policy, ACLs, encryption and lifecycle. Bucket
#   policies should allow only the actions each principal needs. An Allow with NotAction is
#   reported too: it grants every action but those listed, bucket policy changes included. Opaque
#   terraform-aws-modules/s3-bucket calls are checked through their policy argument.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html
# custom:
#   id: PAL-AWS-S3-010
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_s3_bucket, aws_s3_bucket_policy, "module:terraform-aws-modules/s3-bucket/aws"]
#   frameworks: {}
#   references:
#     kics: a4966c4f-9141-48b8-a564-ffe9959945bc
#   cwe: ["CWE-732"]
#   remediation: List the specific S3 actions the principals need instead of "*" or "s3:*".
#   fixable: false
#   allow_unknown: true
package palisade.aws.s3.bucket_policy_all_actions

import data.palisade.lib.iam
import data.palisade.lib.modules
import data.palisade.lib.resource_policy
import data.palisade.lib.result

# One finding per policy, on the policy attribute; each wildcard statement is a related location.
deny contains result.with_related(result.fail(r, ["policy"], msg), related) if {
	some r in policy_holders
	entries := [e | some e in iam.statements(resource_policy.document(r.config.policy)); resource_policy.allows_all_actions_of(e.statement, "s3")]
	count(entries) > 0
	related := [result.related(r, array.concat(["policy"], array.concat(e.path, ["Action"])), "allows all actions") | some e in entries]
	msg := sprintf("the policy of %s allows all S3 actions", [r.address])
}

# Allow with NotAction grants every action but the listed ones (NotAction "s3:Delete*" still
# allows changing the bucket policy and ACLs); reported when no statement allows "*" outright.
# A NotAction listing "s3:*" leaves only other services' actions, which do not act on a bucket.
deny contains result.with_related(result.fail(r, ["policy"], msg), related) if {
	some r in policy_holders
	statements := iam.statements(resource_policy.document(r.config.policy))
	not any_all_actions(statements)
	entries := [e | some e in statements; iam.allows_all_but_listed(e.statement); known_not_actions(e.statement); not iam.excludes_service(e.statement, "s3")]
	count(entries) > 0
	related := [result.related(r, array.concat(["policy"], array.concat(e.path, ["NotAction"])), "Allow with NotAction") | some e in entries]
	msg := sprintf("the policy of %s allows every action except those listed in NotAction", [r.address])
}

# An unknown NotAction (or element) could be "*", which grants nothing: left alone.
known_not_actions(s) if {
	every a in iam.not_actions(s) {
		is_string(a)
	}
}

any_all_actions(statements) if {
	some e in statements
	resource_policy.allows_all_actions_of(e.statement, "s3")
}

# Opaque s3-bucket calls are judged on `policy` even without attach_policy = true (which the module
# needs to attach it), as the KICS samples of this query expect.
policy_holders := array.concat(
	[r | some r in input.resources; r.type in {"aws_s3_bucket", "aws_s3_bucket_policy"}],
	modules.s3_buckets,
)
