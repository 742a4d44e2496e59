# METADATA
# title: S3 bucket policy lets an AWS service write on behalf of any account
# description: |
#   A bucket policy statement allows an AWS service principal (cloudtrail.amazonaws.com,
#   config.amazonaws.com, delivery.logs.amazonaws.com, logs.<region>.amazonaws.com, …) to put
#   objects with no aws:SourceArn, aws:SourceAccount, aws:SourceOrgID or aws:SourceOrgPaths
#   condition. The service acts for every AWS customer, so any other account can point its own
#   trail, recorder, log delivery or export at the bucket and have the service write into it (the
#   cross-service confused deputy problem): forged log files beside the real ones, storage costs.
#   An account ID in the object path does not stop it, since the other account chooses its own
#   key prefix. AWS's bucket policies for CloudTrail, AWS Config, CloudWatch Logs exports and log
#   delivery carry a source condition.
# related_resources:
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html
#   - ref: https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-s3-bucket-policy-for-cloudtrail.html
#   - ref: https://docs.aws.amazon.com/config/latest/developerguide/s3-bucket-policy.html
# custom:
#   id: PAL-AWS-S3-018
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_s3_bucket_policy, aws_s3_bucket, "module:terraform-aws-modules/s3-bucket/aws"]
#   frameworks: {}
#   references: {}
#   cwe: ["CWE-441"]
#   remediation: Add a condition on aws:SourceArn (the trail, recorder or delivery source) or aws:SourceAccount (your account) to the statement.
#   fixable: false
#   allow_unknown: true
package palisade.aws.s3.bucket_policy_service_unscoped

# Cheap: one pass over the module's bucket policies and their statements, nothing per resource.

import data.palisade.lib.iam
import data.palisade.lib.modules
import data.palisade.lib.resource_policy
import data.palisade.lib.result
import data.palisade.lib.unknown

# One finding per policy, on the policy attribute; the unscoped statements are related locations.
deny contains result.with_related(result.fail(r, ["policy"], msg), related) if {
	some r in policy_holders
	doc := resource_policy.document(object.get(r.config, "policy", null))
	entries := [e |
		some e in iam.statements(doc)
		unscoped_service_grant(e.statement)
	]
	count(entries) > 0
	note := "service principal without a source condition"
	related := [result.related(r, array.concat(["policy"], array.concat(e.path, ["Principal"])), note) | some e in entries]
	services := sort({s | some e in entries; some s in service_principals(e.statement)})
	msg := sprintf("the policy of %s lets %s write for any account (no aws:SourceArn or aws:SourceAccount condition)", [r.address, concat(", ", services)])
}

# Buckets with an inline policy, bucket policies, and opaque terraform-aws-modules/s3-bucket calls
# (their `policy` argument becomes the bucket policy).
policy_holders := array.concat(
	[r | some r in input.resources; r.type in {"aws_s3_bucket", "aws_s3_bucket_policy"}],
	modules.s3_buckets,
)

# An Allow of s3:PutObject to a service principal that no condition ties to a source. Statements
# open to "*" are PAL-AWS-S3-001's; an unreadable condition may scope the statement; reading the
# bucket ACL (s3:GetBucketAcl) writes nothing.
unscoped_service_grant(s) if {
	iam.is_allow(s)
	iam.allows_action(s, "s3:PutObject")
	count(service_principals(s)) > 0
	not iam.principal_is_public(s)
	not resource_policy.scoped(s)
}

# service_principals(s): the known service names of the statement's Principal.Service.
service_principals(s) := {p |
	is_object(s.Principal)
	some p in iam.as_list(object.get(s.Principal, "Service", []))
	is_string(p)
	not unknown.is_unknown(p)
}
