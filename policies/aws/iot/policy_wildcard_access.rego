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
#   not reported on it. An IoT ARN made of wildcards (arn:aws:iot:*:*:*, or arn:aws:iot:<region>:
#   <account>:*) counts as "*"; client/*, topic/*, topicfilter/* and thing/* under an action on
#   that resource type (a statement without conditions) grant every client, topic or thing.
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
} else := wide if {
	object.get(e.statement, "Condition", null) == null
	wide := [{"path": array.concat(e.path, p), "msg": sprintf("on every %s", [scope_labels[kind]]), "what": scope_what[kind]} |
		some p, arn in resource_entries(e.statement)
		kind := arn_scope(arn)
		grants_on(e.statement, kind)
	]
	count(wide) > 0
}

# Wildcard ARNs (session 23). An IoT ARN whose resource part is nothing but wildcards
# (arn:aws:iot:*:*:*, arn:aws:iot:us-east-1:111122223333:*, arn:aws:iot:*) names every resource,
# as "*" does; one whose part after client/, topic/, topicfilter/ or thing/ is nothing but
# wildcards names every client, topic, topic filter or thing of the account (Device Defender's
# IOT_POLICY_OVERLY_PERMISSIVE_CHECK gives client/* as its non-compliant Connect resource). Only
# statements without a condition are judged: iot:Connection.Thing.IsAttached, for one, ties a
# client/* statement to the certificate's own thing.
scope_labels := {"all": "resource", "client": "client", "topic": "topic", "topicfilter": "topic filter", "thing": "thing"}

scope_what := {
	"all": "act on every client, topic and thing",
	"client": "connect as every client",
	"topic": "use every topic",
	"topicfilter": "subscribe to every topic filter",
	"thing": "use every thing's shadow",
}

# The IoT Core actions that act on each resource type ("AWS IoT Core action resources").
scope_actions := {
	"client": {"iot:connect"},
	"topic": {"iot:publish", "iot:receive", "iot:retainpublish", "iot:getretainedmessage"},
	"topicfilter": {"iot:subscribe"},
	"thing": {"iot:getthingshadow", "iot:updatethingshadow", "iot:deletethingshadow"},
}

# resource_entries(s): path → resource text. A jsonencode leaf that interpolates values
# ("arn:aws:iot:${local.region}:${local.account}:*") arrives unknown with its template text; the
# interpolations become "<unknown>", which is no wildcard, so only the literal parts can decide.
resource_entries(s) := {["Resource"]: text | text := resource_text(s.Resource)} if not is_array(s.Resource)

else := {["Resource", i]: text | some i, r in s.Resource; text := resource_text(r)}

resource_text(r) := r if is_string(r)

resource_text(r) := regex.replace(resource_policy.template_body(r["$unknown"]), `\$\{[^{}]*\}`, "<unknown>") if {
	is_object(r)
	is_string(r["$unknown"])
}

arn_scope(v) := scope_of(parts) if {
	parts := split(v, ":")
	count(parts) >= 4
	lower(parts[0]) == "arn"
	iot_service(parts[2])
}

iot_service(service) if lower(service) == "iot"

iot_service(service) if resource_policy.only_wildcards(service)

scope_of(parts) := "all" if {
	count(parts) < 6
	resource_policy.only_wildcards(parts[count(parts) - 1])
} else := "all" if {
	resource_policy.only_wildcards(concat(":", array.slice(parts, 5, count(parts))))
} else := kind if {
	rest := concat(":", array.slice(parts, 5, count(parts)))
	i := indexof(rest, "/")
	i > 0
	kind := lower(substring(rest, 0, i))
	scope_actions[kind]
	resource_policy.only_wildcards(substring(rest, i + 1, -1))
}

grants_on(s, "all") if {
	some a in iam.actions(s)
	iot_action(a)
	not star_only_action(a)
}

grants_on(s, kind) if {
	some a in iam.actions(s)
	is_string(a)
	some target in scope_actions[kind]
	glob.match(lower(a), [], target)
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
