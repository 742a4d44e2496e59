# METADATA
# title: No CloudTrail trail records S3 object-level (data) events
# description: |
#   CloudTrail records management events (CreateBucket, PutBucketPolicy…) by default, but reads,
#   writes and deletes of S3 objects (GetObject, PutObject, DeleteObject) are data events that a
#   trail records only when an event selector asks for them. Without one, nobody can tell which
#   objects were read, changed or deleted, by whom, when a key or role is abused. CIS AWS
#   Foundations (object-level logging for write and read events) and AWS Security Hub (S3.22,
#   S3.23) ask for at least one multi-region trail that records data events for all buckets; AWS
#   Config's cloudtrail-s3-dataevents-enabled checks the same. Reported on each trail of the
#   configuration when no trail in it records S3 data events for every bucket (an
#   event_selector data_resource of type AWS::S3::Object on "arn:<partition>:s3" or
#   "arn:<partition>:s3:::", or an advanced_event_selector that selects AWS::S3::Object); selectors
#   that are not known count as recording. Data events are billed per event.
# related_resources:
#   - ref: https://docs.aws.amazon.com/awscloudtrail/latest/userguide/logging-data-events-with-cloudtrail.html
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-22
#   - ref: https://docs.aws.amazon.com/config/latest/developerguide/cloudtrail-s3-dataevents-enabled.html
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudtrail#event_selector
# custom:
#   id: PAL-AWS-CLOUDTRAIL-010
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_cloudtrail]
#   frameworks:
#     cis-aws-2.0: ["3.10", "3.11"]
#   references: {}
#   cwe: ["CWE-778"]
#   remediation: >-
#     Add an event_selector to the multi-region trail with a data_resource of type AWS::S3::Object
#     and values = ["arn:aws:s3"] (every bucket), or an advanced_event_selector selecting
#     eventCategory Data and resources.type AWS::S3::Object, or a separate trail that does.
#   fixable: false
package palisade.aws.cloudtrail.s3_data_events_not_logged

# No fix: data events are billed per event, a cost the owner must choose (and the read, write or
# bucket scope with it). Every trail is reported, whatever its region scope, so that making a trail
# multi-region (PAL-AWS-CLOUDTRAIL-001's fix) neither adds nor removes this finding.

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

deny contains result.fail(r, [], msg) if {
	not any_trail_records_s3
	some r in tf.resources("aws_cloudtrail")
	msg := sprintf("%s: no trail of the configuration records S3 object-level (data) events for all buckets", [r.address])
}

any_trail_records_s3 if {
	some t in tf.resources("aws_cloudtrail")
	records_s3(t)
}

records_s3(t) if unknown.is_unknown(object.get(t.config, "event_selector", []))

records_s3(t) if unknown.is_unknown(object.get(t.config, "advanced_event_selector", []))

records_s3(t) if {
	some s in tf.blocks(t, "event_selector")
	some d in unknown.items(object.get(s, "data_resource", []))
	s3_object_type(object.get(d, "type", null))
	all_buckets(object.get(d, "values", []))
}

records_s3(t) if {
	some s in tf.blocks(t, "advanced_event_selector")
	some f in unknown.items(object.get(s, "field_selector", []))
	resources_type_field(object.get(f, "field", null))
	selects_s3_objects(object.get(f, "equals", []))
}

records_s3(t) if {
	some s in tf.blocks(t, "event_selector")
	unknown.is_unknown(object.get(s, "data_resource", []))
}

# A type, field or list of values that is not known (a dynamic block over a variable) may be the
# S3 one: it counts as recording, as unknown selectors do.
s3_object_type(type) if unknown.is_unknown(type)

s3_object_type("AWS::S3::Object")

resources_type_field(field) if unknown.is_unknown(field)

resources_type_field("resources.type")

selects_s3_objects(values) if unknown.is_unknown(values)

selects_s3_objects(values) if "AWS::S3::Object" in unknown.items(values)

selects_s3_objects(values) if {
	some v in unknown.items(values)
	unknown.is_unknown(v)
}

all_buckets(values) if unknown.is_unknown(values)

all_buckets(values) if {
	some v in unknown.items(values)
	unknown.is_unknown(v)
}

all_buckets(values) if {
	some v in unknown.items(values)
	regex.match(`^arn:aws[a-z-]*:s3(:::)?$`, v)
}
