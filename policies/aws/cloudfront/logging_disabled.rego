# METADATA
# title: CloudFront distribution has no access logging
# description: |
#   Without logging_config (legacy standard logs) and without a CloudWatch log delivery of its
#   access logs (standard logging v2: an aws_cloudwatch_log_delivery_source for the distribution
#   linked to a destination by an aws_cloudwatch_log_delivery), the distribution keeps no record
#   of requests, so attacks and abuse at the edge cannot be investigated afterwards.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/AccessLogs.html
#   - ref: https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/standard-logging.html
# custom:
#   id: PAL-AWS-CLOUDFRONT-003
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_cloudfront_distribution, "module:terraform-aws-modules/cloudfront/aws"]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_86
#     trivy: AVD-AWS-0010
#     kics: 94690d79-b3b0-43de-b656-84ebef5753e5
#   cwe: ["CWE-778"]
#   remediation: >-
#     Add logging_config with a log bucket, or deliver the access logs with
#     aws_cloudwatch_log_delivery_source and aws_cloudwatch_log_delivery. The fix copies the bucket
#     and prefix of the module's other distributions' logging_config when they all log to one
#     place; with none, or several, the bucket is the owner's choice and no fix is offered.
#   fixable: true
package palisade.aws.cloudfront.logging_disabled

import data.palisade.lib.fixes
import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

types := {"aws_cloudfront_distribution"}

deny contains fixes.finding(r, ["logging_config"], msg, copy_ops(r)) if {
	not tf.unresolved(source_type, ["resource_arn"], "aws_cloudfront_distribution")
	some r in input.resources
	r.type in types
	tf.missing_attr(r, ["logging_config"])
	not delivered_access_logs(r)
	msg := sprintf("%s has no access logging", [r.address])
}

# Opaque terraform-aws-modules/cloudfront calls: logging_config (default {}) becomes the
# distribution's logging_config block; standard logging v2 sources may name the call instead.
deny contains result.fail(m, ["logging_config"], msg) if {
	not tf.unresolved(source_type, ["resource_arn"], "aws_cloudfront_distribution")
	some m in modules.cloudfront_distributions
	object.get(m.config, "logging_config", null) in {null, {}}
	not delivered_access_logs(m)
	msg := sprintf("%s has no access logging", [m.address])
}

source_type := "aws_cloudwatch_log_delivery_source"

# Standard logging v2: a delivery source for the distribution's access logs, which a delivery
# links to a destination. A source without a delivery writes nothing.
delivered_access_logs(distribution) if {
	some source in tf.referencing(distribution.address, source_type, ["resource_arn"])
	not other_log_type(object.get(source.config, "log_type", null))
	some delivery in tf.resources("aws_cloudwatch_log_delivery")
	delivers(delivery, source)
}

other_log_type(t) if unknown.known_string(t) != "ACCESS_LOGS"

delivers(delivery, source) if {
	some ref in delivery.references
	ref.path == ["delivery_source_name"]
	tf.refers_to(ref.target, source.address)
}

delivers(delivery, source) if {
	name := delivery.config.delivery_source_name
	is_string(name)
	name == source.config.name
}

# A delivery whose source Palisade cannot tie to any source here may be this one's.
delivers(delivery, _) if {
	unknown.is_unknown(object.get(delivery.config, "delivery_source_name", null))
	count(tf.references_to(delivery, ["delivery_source_name"], source_type)) == 0
}

# The fix copies the legacy logging_config of the module's other distributions when they all log
# to one bucket and prefix: that bucket's ACL already lets CloudFront's log delivery write, and log
# file names carry the distribution ID, so the logs stay apart. include_cookies is not copied
# (cookies may hold session secrets; it stays at its default, false). The copied values must read
# in the sibling exactly as copied (fixes.copied).
copy_ops(r) := [fixes.with_derived(result.add_block([], "logging_config", config), derived)] if {
	copies := {c |
		some s in tf.resources("aws_cloudfront_distribution")
		fixes.sibling(r, s)
		some i, b in tf.blocks(s, "logging_config")
		c := copy_of(s, i, b)
	}
	configs := {c.config | some c in copies}
	count(configs) == 1
	some config in configs
	derived := [d | some c in copies; some d in c.derived]
} else := []

copy_of(s, i, b) := {"config": config, "derived": derived} if {
	keys := [k | some k in ["bucket", "prefix"]; object.get(b, k, null) != null]
	"bucket" in keys
	copied := [[k, c] | some k in keys; c := fixes.copied(s, ["logging_config", i, k], b[k])]
	count(copied) == count(keys)
	config := {k: c.value | some [k, c] in copied}
	derived := [c.derived | some [_, c] in copied]
}
