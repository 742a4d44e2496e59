package palisade.aws.iot.policy_wildcard_access_test

import data.palisade.aws.iot.policy_wildcard_access as rule

policy(statements) := {"resources": [{"address": "aws_iot_policy.device", "type": "aws_iot_policy", "name": "device", "references": [], "config": {"name": "device", "policy": {"Version": "2012-10-17", "Statement": statements}}}]}

test_all_iot_actions_fire if {
	rule.deny == {{
		"msg": "aws_iot_policy.device lets a device certificate use every IoT action",
		"resource": "aws_iot_policy.device", "path": ["policy"],
		"related": [{"resource": "aws_iot_policy.device", "path": ["policy", "Statement", 0, "Action"], "msg": "allows \"iot:*\""}],
	}} with input as policy([{"Effect": "Allow", "Action": "iot:*", "Resource": "arn:aws:iot:us-east-1:111122223333:topic/app/*"}])
	count(rule.deny) == 1 with input as policy([{"Effect": "Allow", "Action": ["*"], "Resource": "*"}])
	count(rule.deny) == 1 with input as policy([{"Effect": "Allow", "Action": "IoT:*", "Resource": "*"}])
}

test_iot_actions_on_every_resource_fire if {
	rule.deny == {{
		"msg": "aws_iot_policy.device lets a device certificate act on every client, topic and thing",
		"resource": "aws_iot_policy.device", "path": ["policy"],
		"related": [{"resource": "aws_iot_policy.device", "path": ["policy", "Statement", 0, "Resource", 1], "msg": "on every resource"}],
	}} with input as policy([{"Effect": "Allow", "Action": ["iot:Connect", "iot:Publish"], "Resource": ["arn:aws:iot:us-east-1:111122223333:client/a", "*"]}])
}

test_scoped_policy_passes if {
	count(rule.deny) == 0 with input as policy([
		{"Effect": "Allow", "Action": "iot:Connect", "Resource": "arn:aws:iot:us-east-1:111122223333:client/${iot:Connection.Thing.ThingName}"},
		{"Effect": "Allow", "Action": ["iot:Publish", "iot:Receive"], "Resource": "arn:aws:iot:us-east-1:111122223333:topic/things/${iot:Connection.Thing.ThingName}/*"},
	])
}

# A Deny on everything narrows the policy; greengrass or other services' actions are not IoT Core's.
test_deny_and_other_services_pass if {
	count(rule.deny) == 0 with input as policy([{"Effect": "Deny", "Action": "iot:*", "Resource": "*"}])
	count(rule.deny) == 0 with input as policy([{"Effect": "Allow", "Action": "greengrass:Discover", "Resource": "*"}])
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_iot_policy.device", "type": "aws_iot_policy", "name": "device", "references": [], "config": {"name": "device", "policy": {"$unknown": "data.aws_iam_policy_document.x.json"}}}]}
	count(rule.deny) == 0 with input as policy([{"Effect": "Allow", "Action": {"$unknown": "var.actions"}, "Resource": "*"}])
}

# iot:ListRetainedMessages and iot:ListNamedShadowsForThing take no resource but "*" (IoT Core
# developer guide, "AWS IoT Core action resources"): "*" is the only way to grant them, and
# ListRetainedMessages shows summaries, not payloads (review of round 37, s22/R3).
test_actions_only_grantable_on_star_pass if {
	count(rule.deny) == 0 with input as policy([{"Effect": "Allow", "Action": ["iot:ListRetainedMessages", "IOT:ListNamedShadowsForThing"], "Resource": "*"}])
	count(rule.deny) == 1 with input as policy([{"Effect": "Allow", "Action": ["iot:ListRetainedMessages", "iot:GetRetainedMessage"], "Resource": "*"}])
}
