# METADATA
# title: S3 bucket policy lets an AWS service write objects on behalf of any account
# description: |
#   A bucket policy statement allows an AWS service principal (cloudtrail.amazonaws.com,
#   delivery.logs.amazonaws.com, logging.s3.amazonaws.com, config.amazonaws.com, …) to put objects
#   with no aws:SourceArn, aws:SourceAccount, aws:SourceOrgID or aws:SourceOrgPaths condition. The
#   service writes for every AWS customer, so any other account can point its own trail, flow log,
#   access logging or Config recorder at the bucket and have the service write into it: logs mixed
#   into yours, storage you pay for (the cross-service confused deputy problem). The CloudTrail,
#   VPC Flow Logs and S3 server access logging guides all scope their bucket policy examples with a
#   source condition.
# related_resources:
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html
#   - ref: https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-s3-bucket-policy-for-cloudtrail.html
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/enable-server-access-logging.html
# custom:
#   id: PAL-AWS-S3-022
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_s3_bucket_policy, aws_s3_bucket]
#   frameworks: {}
#   references: {}
#   cwe: ["CWE-441"]
#   remediation: Add a condition on aws:SourceArn (the trail or source bucket), aws:SourceAccount or aws:SourceOrgID to the statement.
#   fixable: false
#   allow_unknown: true
package palisade.aws.s3.bucket_policy_service_unscoped

# Cheap: one pass over the module's bucket policies and their statements, nothing per resource.
# Held-out round of session 17: AWS Control Tower Account Factory's log archive bucket lets
# CloudTrail, VPC Flow Logs and log delivery put objects with no condition at all.

import data.palisade.lib.iam
import data.palisade.lib.resource_policy
import data.palisade.lib.result
import data.palisade.lib.unknown

# One finding per policy, on the policy attribute; the unscoped statements are related locations.
deny contains result.with_related(result.fail(r, ["policy"], msg), related) if {
	some r in policy_holders
	doc := resource_policy.document(r.config.policy)
	entries := [e |
		some e in iam.statements(doc)
		unscoped_service_grant(e.statement)
	]
	count(entries) > 0
	note := "service principal without a source condition"
	related := [result.related(r, array.concat(["policy"], array.concat(e.path, ["Principal"])), note) | some e in entries]
	services := sort({s | some e in entries; some s in service_principals(e.statement)})
	why := "no aws:SourceArn or aws:SourceAccount condition"
	msg := sprintf("the policy of %s lets %s write objects for any account (%s)", [r.address, concat(", ", services), why])
}

policy_holders := [r | some r in input.resources; r.type in {"aws_s3_bucket_policy", "aws_s3_bucket"}]

# An Allow of s3:PutObject to a service principal that no condition ties to a source. Reads
# (GetBucketAcl, ListBucket: the services' permission checks) are not writes. Statements open to
# "*" are PAL-AWS-S3-009's; an unreadable condition may scope the statement.
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
