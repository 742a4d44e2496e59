package palisade.aws.cloudtrail.s3_data_events_not_logged_test

import data.palisade.aws.cloudtrail.s3_data_events_not_logged as rule

trail(name, config) := {"address": sprintf("aws_cloudtrail.%s", [name]), "type": "aws_cloudtrail", "name": name, "config": object.union({"name": name, "s3_bucket_name": "trail-logs", "is_multi_region_trail": true}, config), "references": []}

s3_selector(values) := {"read_write_type": "All", "include_management_events": true, "data_resource": [{"type": "AWS::S3::Object", "values": values}]}

msg := "aws_cloudtrail.main: no trail of the configuration records S3 object-level (data) events for all buckets"

# AWS's Guard rules registry (cloudtrail_s3_dataevents_enabled, round 40); CIS 3.10 and 3.11.
test_multi_region_trail_without_s3_data_events_fires if {
	rule.deny == {{"msg": msg, "resource": "aws_cloudtrail.main", "path": []}} with input as {"resources": [trail("main", {})]}
	count(rule.deny) == 1 with input as {"resources": [trail("main", {"event_selector": [{"read_write_type": "All"}]})]}
	count(rule.deny) == 1 with input as {"resources": [trail("main", {"event_selector": [s3_selector(["arn:aws:s3:::one-bucket/"])]})]}
}

test_trail_recording_every_bucket_passes if {
	count(rule.deny) == 0 with input as {"resources": [trail("main", {"event_selector": [s3_selector(["arn:aws:s3"])]})]}
	count(rule.deny) == 0 with input as {"resources": [trail("main", {"event_selector": [s3_selector(["arn:aws:s3:::"])]})]}
	count(rule.deny) == 0 with input as {"resources": [trail("main", {"event_selector": [s3_selector(["arn:aws-us-gov:s3"])]})]}
}

test_another_trail_recording_s3_passes if {
	count(rule.deny) == 0 with input as {"resources": [trail("main", {}), trail("data", {"is_multi_region_trail": false, "event_selector": [s3_selector(["arn:aws:s3"])]})]}
}

test_advanced_selector_for_s3_objects_passes if {
	adv := [{"name": "s3", "field_selector": [{"field": "eventCategory", "equals": ["Data"]}, {"field": "resources.type", "equals": ["AWS::S3::Object"]}]}]
	count(rule.deny) == 0 with input as {"resources": [trail("main", {"advanced_event_selector": adv})]}
}

test_advanced_selector_without_s3_fires if {
	adv := [{"name": "mgmt", "field_selector": [{"field": "eventCategory", "equals": ["Management"]}]}]
	count(rule.deny) == 1 with input as {"resources": [trail("main", {"advanced_event_selector": adv})]}
}

test_unknown_selectors_pass if {
	count(rule.deny) == 0 with input as {"resources": [trail("main", {"event_selector": {"$unknown": "var.selectors"}})]}
	count(rule.deny) == 0 with input as {"resources": [trail("main", {"event_selector": [s3_selector({"$unknown": "var.buckets"})]})]}
	count(rule.deny) == 0 with input as {"resources": [trail("main", {"advanced_event_selector": {"$unknown": "var.adv"}})]}
}

# Every trail is reported, whatever its region scope (CLOUDTRAIL-001's fix must not add a finding).
test_single_region_or_unknown_scope_trail_fires if {
	count(rule.deny) == 1 with input as {"resources": [trail("main", {"is_multi_region_trail": false})]}
	count(rule.deny) == 1 with input as {"resources": [trail("main", {"is_multi_region_trail": {"$unknown": "var.multi"}})]}
}

# A data_resource whose type is not known (a dynamic event_selector over a variable of selectors)
# may be AWS::S3::Object; an advanced field selector whose field or values are not known may
# select it: both count as recording.
test_unknown_data_resource_type_or_field_passes if {
	dyn := [{"read_write_type": "All", "data_resource": [{"type": {"$unknown": "event_selector.value.type"}, "values": {"$unknown": "event_selector.value.values"}}]}]
	count(rule.deny) == 0 with input as {"resources": [trail("main", {"event_selector": dyn})]}
	field := [{"name": "x", "field_selector": [{"field": {"$unknown": "each.value.field"}, "equals": ["AWS::S3::Object"]}]}]
	count(rule.deny) == 0 with input as {"resources": [trail("main", {"advanced_event_selector": field})]}
	equals := [{"name": "x", "field_selector": [{"field": "resources.type", "equals": {"$unknown": "var.types"}}]}]
	count(rule.deny) == 0 with input as {"resources": [trail("main", {"advanced_event_selector": equals})]}
	lambda := [{"read_write_type": "All", "data_resource": [{"type": "AWS::Lambda::Function", "values": {"$unknown": "var.functions"}}]}]
	count(rule.deny) == 1 with input as {"resources": [trail("main", {"event_selector": lambda})]}
}
