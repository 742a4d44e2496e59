# METADATA
# title: IoT policy allows every IoT action or every resource
# description: |
#   An AWS IoT Core policy is what a device's certificate may do. An Allow statement with Action
#   "*" or "iot:*", or one that allows IoT actions on Resource "*", lets any device holding the
#   certificate connect under any client ID (and so disconnect other devices), publish to and
#   subscribe to every MQTT topic, and read or change every thing's shadow and jobs: one stolen
#   device certificate then speaks for the whole fleet. Device Defender's audit reports such
#   policies as overly permissive; scope resources to the device with policy variables
#   (client/${iot:Connection.Thing.ThingName}, topic/things/${iot:Connection.Thing.ThingName}/*).
#   iot:ListRetainedMessages and iot:ListNamedShadowsForThing, which take only Resource "*", are
#   not reported on it.
# related_resources:
#   - ref: https://docs.aws.amazon.com/iot/latest/developerguide/security-best-practices.html
#   - ref: https://docs.aws.amazon.com/iot-device-defender/latest/devguide/audit-chk-iot-policy-permissive.html
#   - ref: https://docs.aws.amazon.com/iot/latest/developerguide/iot-policy-variables.html
# custom:
#   id: PAL-AWS-IOT-001
#   severity: high
#   formats: [terraform]
#   resource_types: [aws_iot_policy]
#   frameworks: {}
#   references: {}
#   cwe: ["CWE-732"]
#   remediation: Allow only the IoT actions the devices need, on the connecting device's own client, topic and thing ARNs (policy variables).
#   fixable: false
#   allow_unknown: true
package palisade.aws.iot.policy_wildcard_access

import data.palisade.lib.iam
import data.palisade.lib.resource_policy
import data.palisade.lib.result
import data.palisade.lib.tf

# One finding per policy, on policy; each statement that allows too much is a related location.
deny contains result.with_related(result.fail(r, ["policy"], msg), related) if {
	some r in tf.resources("aws_iot_policy")
	entries := [entry |
		some e in iam.statements(resource_policy.document(r.config.policy))
		iam.is_allow(e.statement)
		some entry in too_broad(e)
	]
	count(entries) > 0
	related := [result.related(r, array.concat(["policy"], e.path), e.msg) | some e in entries]
	msg := sprintf("%s lets a device certificate %s", [r.address, entries[0].what])
}

# Action "*" or "iot:*" (in any case): every IoT action, whatever the resources.
too_broad(e) := [{"path": array.concat(e.path, ["Action"]), "msg": sprintf("allows %q", [a]), "what": "use every IoT action"}] if {
	some a in iam.actions(e.statement)
	all_iot(a)
} else := [{"path": array.concat(e.path, p), "msg": "on every resource", "what": "act on every client, topic and thing"}] if {
	some a in iam.actions(e.statement)
	iot_action(a)
	not star_only_action(a)
	some p in iam.star_resource_paths(e.statement)
}

# Actions whose only resource is "*" (IoT Core developer guide, "AWS IoT Core action resources"):
# granting them on "*" is the only way to grant them.
star_only_action(a) if lower(a) in {"iot:listretainedmessages", "iot:listnamedshadowsforthing"}

all_iot(a) if iam.is_wildcard(a)

all_iot(a) if {
	is_string(a)
	lower(a) == "iot:*"
}

iot_action(a) if {
	is_string(a)
	startswith(lower(a), "iot:")
}

iot_action(a) if iam.is_wildcard(a)
