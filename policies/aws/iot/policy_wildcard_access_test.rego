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

# Wildcard ARNs (session 23). An IoT resource ARN whose resource part is only wildcards
# (arn:aws:iot:*:*:*, arn:aws:iot:us-east-1:111122223333:*) names every resource as "*" does; one
# whose part after client/, topic/, topicfilter/ or thing/ is only wildcards names every client,
# topic, topic filter or thing, which Device Defender's overly-permissive check reports too.
test_account_wide_wildcard_arn_fires if {
	rule.deny == {{
		"msg": "aws_iot_policy.device lets a device certificate act on every client, topic and thing",
		"resource": "aws_iot_policy.device", "path": ["policy"],
		"related": [{"resource": "aws_iot_policy.device", "path": ["policy", "Statement", 0, "Resource"], "msg": "on every resource"}],
	}} with input as policy([{"Effect": "Allow", "Action": ["iot:Connect", "iot:Publish"], "Resource": "arn:aws:iot:*:*:*"}])
	count(rule.deny) == 1 with input as policy([{"Effect": "Allow", "Action": "iot:Publish", "Resource": ["arn:aws:iot:us-east-1:111122223333:*"]}])
	count(rule.deny) == 1 with input as policy([{"Effect": "Allow", "Action": "iot:Publish", "Resource": "arn:aws:iot:*"}])
}

test_every_client_or_topic_fires if {
	rule.deny == {{
		"msg": "aws_iot_policy.device lets a device certificate connect as every client",
		"resource": "aws_iot_policy.device", "path": ["policy"],
		"related": [{"resource": "aws_iot_policy.device", "path": ["policy", "Statement", 0, "Resource"], "msg": "on every client"}],
	}} with input as policy([{"Effect": "Allow", "Action": "iot:Connect", "Resource": "arn:aws:iot:us-east-1:111122223333:client/*"}])
	count(rule.deny) == 1 with input as policy([{"Effect": "Allow", "Action": ["iot:Publish", "iot:Receive"], "Resource": "arn:aws:iot:us-east-1:111122223333:topic/*"}])
	count(rule.deny) == 1 with input as policy([{"Effect": "Allow", "Action": "iot:Subscribe", "Resource": "arn:aws:iot:*:*:topicfilter/*"}])
	count(rule.deny) == 1 with input as policy([{"Effect": "Allow", "Action": "iot:UpdateThingShadow", "Resource": "arn:aws:iot:us-east-1:111122223333:thing/*"}])
}

# Scoped or mismatched resources, a condition (iot:Connection.Thing.IsAttached narrows client/*),
# another service's ARN, and an action that does not act on that resource type stay quiet.
test_scoped_wildcard_arns_pass if {
	count(rule.deny) == 0 with input as policy([{"Effect": "Allow", "Action": "iot:Publish", "Resource": "arn:aws:iot:us-east-1:111122223333:topic/sensors/*"}])
	count(rule.deny) == 0 with input as policy([{"Effect": "Allow", "Action": "iot:Connect", "Resource": "arn:aws:iot:us-east-1:111122223333:topic/*"}])
	count(rule.deny) == 0 with input as policy([{
		"Effect": "Allow", "Action": "iot:Connect", "Resource": "arn:aws:iot:us-east-1:111122223333:client/*",
		"Condition": {"Bool": {"iot:Connection.Thing.IsAttached": "true"}},
	}])
	count(rule.deny) == 0 with input as policy([{"Effect": "Allow", "Action": "iot:Publish", "Resource": "arn:aws:s3:::*"}])
	count(rule.deny) == 0 with input as policy([{"Effect": "Deny", "Action": "iot:Publish", "Resource": "arn:aws:iot:*:*:*"}])
	count(rule.deny) == 0 with input as policy([{"Effect": "Allow", "Action": "iot:ListRetainedMessages", "Resource": "arn:aws:iot:*:*:*"}])
}

# A jsonencode leaf interpolating the region and account arrives unknown with its template text:
# the literal resource part still decides; an interpolated resource part does not.
test_interpolated_region_and_account_fire if {
	wide := {"$unknown": "\"arn:aws:iot:${data.aws_region.current.name}:${local.account}:*\""}
	count(rule.deny) == 1 with input as policy([{"Effect": "Allow", "Action": "iot:Publish", "Resource": wide}])
	clients := {"$unknown": "\"arn:aws:iot:${var.region}:${local.account}:client/*\""}
	count(rule.deny) == 1 with input as policy([{"Effect": "Allow", "Action": "iot:Connect", "Resource": [clients]}])
	own := {"$unknown": "\"arn:aws:iot:${var.region}:${local.account}:client/$${iot:Connection.Thing.ThingName}\""}
	count(rule.deny) == 0 with input as policy([{"Effect": "Allow", "Action": "iot:Connect", "Resource": own}])
	chosen := {"$unknown": "\"arn:aws:iot:${var.region}:${local.account}:topic/${var.topic}\""}
	count(rule.deny) == 0 with input as policy([{"Effect": "Allow", "Action": "iot:Publish", "Resource": chosen}])
	count(rule.deny) == 0 with input as policy([{"Effect": "Allow", "Action": "iot:Publish", "Resource": {"$unknown": "var.topic_arn"}}])
}
