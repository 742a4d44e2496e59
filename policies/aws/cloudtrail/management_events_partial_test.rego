package palisade.aws.cloudtrail.management_events_partial_test

import data.palisade.aws.cloudtrail.management_events_partial as rule

trail(name, config) := {"address": sprintf("aws_cloudtrail.%s", [name]), "type": "aws_cloudtrail", "name": name, "config": object.union({"name": name, "s3_bucket_name": "trail-logs"}, config), "references": []}

selector(kind) := {"read_write_type": kind, "include_management_events": true}

test_write_only_trail_fires if {
	rule.deny == {{
		"msg": "aws_cloudtrail.main records only write management events (read_write_type = \"WriteOnly\")",
		"resource": "aws_cloudtrail.main", "path": ["event_selector", 0, "read_write_type"],
		"fix": [{"op": "set", "path": ["event_selector", 0, "read_write_type"], "value": "All"}],
	}} with input as {"resources": [trail("main", {"is_multi_region_trail": true, "event_selector": [selector("WriteOnly")]})]}
	count(rule.deny) == 1 with input as {"resources": [trail("main", {"event_selector": [{"read_write_type": "ReadOnly"}]})]}
}

test_selectors_covering_both_or_all_pass if {
	count(rule.deny) == 0 with input as {"resources": [trail("main", {"event_selector": [selector("ReadOnly"), selector("WriteOnly")]})]}
	count(rule.deny) == 0 with input as {"resources": [trail("main", {"event_selector": [selector("WriteOnly"), {"include_management_events": true}]})]}
	count(rule.deny) == 0 with input as {"resources": [trail("main", {})]}
}

test_data_event_only_selectors_pass if {
	# A selector that records no management events says nothing about them.
	count(rule.deny) == 0 with input as {"resources": [trail("data", {"event_selector": [{"read_write_type": "WriteOnly", "include_management_events": false}]})]}
}

test_another_trail_recording_everything_passes if {
	main := trail("main", {"is_multi_region_trail": true})
	siem := trail("siem", {"event_selector": [selector("WriteOnly")]})
	count(rule.deny) == 0 with input as {"resources": [main, siem]}

	# A single-region trail does not cover the account.
	count(rule.deny) == 1 with input as {"resources": [trail("main", {}), siem]}
}

test_unknown_or_advanced_selectors_pass if {
	count(rule.deny) == 0 with input as {"resources": [trail("main", {"event_selector": [{"read_write_type": {"$unknown": "var.rw"}}]})]}
	count(rule.deny) == 0 with input as {"resources": [trail("main", {"event_selector": [selector("WriteOnly"), {"include_management_events": {"$unknown": "var.m"}}]})]}
	count(rule.deny) == 0 with input as {"resources": [trail("main", {"advanced_event_selector": [{"name": "writes"}]})]}
}

# read_write_type also filters the selector's data events: turning a WriteOnly selector with S3
# object data resources into All would log every GetObject too (a cost the owner did not choose).
# The fix adds a management-only selector for the missing kind instead, and none when the trail
# already has the five selectors CloudTrail allows. Review H10, session 19.
test_selector_with_data_events_gets_a_complement_selector if {
	data_selector := object.union(selector("WriteOnly"), {"data_resource": [{"type": "AWS::S3::Object", "values": ["arn:aws:s3"]}]})
	rule.deny == {{
		"msg": "aws_cloudtrail.main records only write management events (read_write_type = \"WriteOnly\")",
		"resource": "aws_cloudtrail.main", "path": ["event_selector", 0, "read_write_type"],
		"fix": [{"op": "set", "path": ["event_selector", 1, "read_write_type"], "value": "ReadOnly"}],
	}} with input as {"resources": [trail("main", {"is_multi_region_trail": true, "event_selector": [data_selector]})]}
	full := [data_selector, data_selector, data_selector, data_selector, data_selector]
	some f in rule.deny with input as {"resources": [trail("main", {"event_selector": full})]}
	not f.fix
}
