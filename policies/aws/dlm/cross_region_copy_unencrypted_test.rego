package palisade.aws.dlm.cross_region_copy_unencrypted_test

import data.palisade.aws.dlm.cross_region_copy_unencrypted as rule

policy(details) := {"address": "aws_dlm_lifecycle_policy.this", "type": "aws_dlm_lifecycle_policy", "name": "this", "config": {"policy_details": [details]}, "references": []}

msg := "aws_dlm_lifecycle_policy.this copies snapshots to another Region without encrypting them"

schedule_path := ["policy_details", 0, "schedule", 0, "cross_region_copy_rule", 1, "encrypted"]

test_schedule_copy_unencrypted_fires if {
	rule.deny == {{"msg": msg, "resource": "aws_dlm_lifecycle_policy.this", "path": schedule_path, "fix": [{"op": "set", "path": schedule_path, "value": true}]}} with input as {"resources": [policy({"schedule": [{"cross_region_copy_rule": [
		{"target": "us-west-2", "encrypted": true},
		{"target_region": "eu-west-1", "encrypted": false},
	]}]})]}
}

event_base := ["policy_details", 0, "action", 0, "cross_region_copy", 0, "encryption_configuration", 0]

test_event_copy_without_encrypted_fires if {
	rule.deny == {{"msg": msg, "resource": "aws_dlm_lifecycle_policy.this", "path": event_base, "fix": [{"op": "set", "path": array.concat(event_base, ["encrypted"]), "value": true}]}} with input as {"resources": [policy({"policy_type": "EVENT_BASED_POLICY", "action": [{"cross_region_copy": [{"target": "us-east-1", "encryption_configuration": [{}]}]}]})]}
	path := array.concat(event_base, ["encrypted"])
	rule.deny == {{"msg": msg, "resource": "aws_dlm_lifecycle_policy.this", "path": path, "fix": [{"op": "set", "path": path, "value": true}]}} with input as {"resources": [policy({"action": [{"cross_region_copy": [{"encryption_configuration": [{"encrypted": false}]}]}]})]}
}

test_encrypted_copies_pass if {
	count(rule.deny) == 0 with input as {"resources": [policy({
		"schedule": [{"cross_region_copy_rule": [{"target": "us-west-2", "encrypted": true}]}],
		"action": [{"cross_region_copy": [{"encryption_configuration": [{"encrypted": true}]}]}],
	})]}
	count(rule.deny) == 0 with input as {"resources": [policy({"schedule": [{"retain_rule": [{"count": 14}]}]})]}
}

test_unknowns_do_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [policy({
		"schedule": [{"cross_region_copy_rule": [{"target": "us-west-2", "encrypted": {"$unknown": "var.encrypted"}}]}],
		"action": [{"cross_region_copy": [{"encryption_configuration": [{"encrypted": {"$unknown": "var.encrypted"}}]}]}],
	})]}
	count(rule.deny) == 0 with input as {"resources": [policy({"schedule": [{"cross_region_copy_rule": {"$unknown": "var.copies"}}]})]}
}
