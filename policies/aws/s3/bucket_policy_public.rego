# METADATA
# title: S3 bucket policy allows access to anyone
# description: |
#   An Allow statement whose principal is "*" (or {"AWS": "*"}) without any condition grants
#   its actions to every person on the internet, authenticated or not. Unless the bucket is a
#   deliberately public website, this exposes or lets anyone tamper with its data.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html#access-control-block-public-access-policy-status
# custom:
#   id: PAL-AWS-S3-009
#   severity: high
#   formats: [terraform]
#   resource_types: [aws_s3_bucket, aws_s3_bucket_policy]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_70
#     kics: 7af43613-6bb9-4a0e-8c4d-1314b799425e
#   remediation: Name the principals that need access, or restrict the statement with conditions (e.g. aws:SourceVpce, aws:PrincipalOrgID).
#   fixable: false
package palisade.aws.s3.bucket_policy_public

import data.palisade.lib.iam
import data.palisade.lib.result

deny contains result.fail(r, path, msg) if {
	some r in input.resources
	r.type in {"aws_s3_bucket", "aws_s3_bucket_policy"}
	some entry in iam.statements(r.config.policy)
	s := entry.statement
	iam.is_allow(s)
	iam.principal_is_public(s)
	not iam.has_condition(s)
	path := array.concat(["policy"], array.concat(entry.path, ["Principal"]))
	msg := sprintf("the policy of %s allows %s to anyone", [r.address, concat(", ", [a | some a in iam.actions(s); is_string(a)])])
}
