# METADATA
# title: S3 bucket access logging is not enabled
# description: |
#   Server access logs record every request made to the bucket: who read, wrote or deleted
#   what and when. Without them an incident on the bucket cannot be investigated. Buckets that
#   themselves receive logs (targets of S3, CloudTrail, load balancer or CloudFront logging, or
#   with the log-delivery-write ACL) are not reported.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/ServerLogs.html
# custom:
#   id: PAL-AWS-S3-006
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_s3_bucket, aws_s3_bucket_logging, "module:terraform-aws-modules/s3-bucket/aws"]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_18
#     trivy: AVD-AWS-0089
#     kics: f861041c-8c9f-4156-acfc-5e6e524f5884
#   cwe: ["CWE-778"]
#   remediation: >-
#     Add an aws_s3_bucket_logging that delivers access logs to a dedicated log bucket. The fix adds
#     one that delivers to the log bucket the module's other buckets already log to (prefix
#     "<bucket>/"), when there is exactly one and its policy admits S3 log delivery from any bucket
#     of the account; otherwise the log bucket is the owner's choice and no fix is offered.
#   fixable: true
package palisade.aws.s3.bucket_logging_disabled

import data.palisade.lib.fixes
import data.palisade.lib.iam
import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.s3
import data.palisade.lib.tf
import data.palisade.lib.unknown

deny contains fixes.finding(bucket, ["logging"], msg, s3.access_logging_ops(bucket)) if {
	not log_target_unresolved
	not module_log_target_unresolved
	some bucket in s3.buckets
	tf.missing_attr(bucket, ["logging"])
	not s3.has_companion(bucket, "aws_s3_bucket_logging")
	not is_log_bucket(bucket)
	msg := sprintf("%s does not have access logging enabled", [bucket.address])
}

# Opaque terraform-aws-modules/s3-bucket calls: the module creates its aws_s3_bucket_logging only
# when `logging` (default {}) has keys, in every major version. Log buckets are exempt as above.
deny contains result.fail(m, ["logging"], msg) if {
	not log_target_unresolved
	not module_log_target_unresolved
	some m in modules.s3_buckets
	object.get(m.config, "logging", null) in {null, {}}
	not is_log_call(m)
	msg := sprintf("%s does not have access logging enabled", [m.address])
}

# Attributes through which other resources deliver logs into a bucket.
log_destination_keys := {"target_bucket", "s3_bucket_name", "access_logs", "logging_config", "log_destination"}

is_log_bucket(bucket) if delivered_to(bucket.address)

is_log_bucket(bucket) if module_logs_to(bucket.address, object.get(bucket.config, "bucket", null))

is_log_bucket(bucket) if {
	some r in input.resources
	r.type == "aws_s3_bucket_logging"
	r.config.target_bucket == bucket.config.bucket
}

is_log_bucket(bucket) if bucket.config.acl == "log-delivery-write"

# An ACL Palisade cannot read may be log-delivery-write: no finding rests on the unknown.
is_log_bucket(bucket) if unknown.is_unknown(bucket.config.acl)

is_log_bucket(bucket) if {
	some acl in s3.companions(bucket, "aws_s3_bucket_acl")
	unknown.is_unknown(acl.config.acl)
}

# A bucket policy that lets the S3 logging service write: the bucket receives server access logs
# (AWS's documented way of granting delivery, instead of the log-delivery-write ACL).
is_log_bucket(bucket) if {
	some q in s3.bucket_policies(bucket)
	some entry in iam.statements(q.doc)
	iam.is_allow(entry.statement)
	is_object(entry.statement.Principal)
	"logging.s3.amazonaws.com" in iam.as_list(object.get(entry.statement.Principal, "Service", null))
}

is_log_bucket(bucket) if {
	some acl in s3.companions(bucket, "aws_s3_bucket_acl")
	acl.config.acl == "log-delivery-write"
}

delivered_to(address) if {
	some r in input.resources
	some ref in r.references
	tf.refers_to(ref.target, address)
	some key in ref.path
	key in log_destination_keys
}

# A module call is a log bucket when something delivers logs to it, its ACL is log-delivery-write,
# or it attaches the bucket policy that lets a service (S3, ELB, CloudTrail, WAF) deliver logs.
is_log_call(m) if delivered_to(m.address)

is_log_call(m) if module_logs_to(m.address, object.get(m.config, "bucket", null))

is_log_call(m) if m.config.acl == "log-delivery-write"

is_log_call(m) if {
	some switch in log_delivery_policy_switches
	object.get(m.config, switch, false) != false
}

log_delivery_policy_switches := [
	"attach_access_log_delivery_policy", "attach_elb_log_delivery_policy", "attach_lb_log_delivery_policy",
	"attach_cloudtrail_log_delivery_policy", "attach_waf_log_delivery_policy",
]

# Module calls carry no references: a call's log argument (`logging`, `access_logs`,
# `flow_log_destination_arn`, …, or one level inside it) names the bucket by its expression text
# (`module.logs.s3_bucket_id`, `aws_s3_bucket.logs.id`) or by its literal bucket name.
module_logs_to(address, _) if {
	some entry in module_log_values
	[holder, v] := entry
	tf.names(holder, v["$unknown"], address)
}

module_logs_to(_, name) if {
	is_string(name)
	some entry in module_log_values
	entry[1] == name
}

module_log_keys := log_destination_keys | {"logging", "flow_log_destination_arn"}

# [the call's address, the value]: a value's expression text is relative to the call's module.
module_log_values contains [c.address, v] if {
	some c in object.get(input, "modules", [])
	some key in module_log_keys
	v := object.get(c.config, key, null)
	v != null
}

module_log_values contains [c.address, v] if {
	some c in object.get(input, "modules", [])
	some key in module_log_keys
	is_object(c.config[key])
	some v in c.config[key]
}

# An s3-bucket call that delivers its access logs to a bucket Palisade cannot identify (a variable,
# a local module's output) may deliver them to any bucket here: none is reported, as below.
module_log_target_unresolved if {
	some c in modules.opaque_calls("s3-bucket")
	text := c.config.logging.target_bucket["$unknown"]
	not names_bucket(c, text)
}

names_bucket(_, text) if startswith(text, "aws_s3_bucket.")

names_bucket(c, text) if {
	some m in modules.opaque_calls("s3-bucket")
	tf.names(c.address, text, m.address)
}

# Some logging configuration delivers to a bucket Palisade cannot identify (a variable or a
# module output): any bucket here may be that log bucket, so none is reported.
log_target_unresolved if tf.unresolved("aws_s3_bucket_logging", ["target_bucket"], "aws_s3_bucket")
