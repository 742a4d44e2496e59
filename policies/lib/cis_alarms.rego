# METADATA
# title: CloudTrail metric filter and alarm helpers
# description: |
#   The CIS AWS Foundations monitoring controls ask for a CloudWatch Logs metric filter on the
#   CloudTrail log group that matches a set of API events, and an alarm on that filter's metric.
#   These helpers decide, within one module, whether such a pair exists. A filter pattern is read
#   as its `$.field=value` terms, grouped by the top-level `&&` they sit between: all required
#   terms must sit in one `&&`-free part (ORed together), otherwise the filter matches nothing or
#   something else. Unknown patterns or alarm metric names count as possibly watching.
package palisade.lib.cis_alarms

import data.palisade.lib.tf
import data.palisade.lib.unknown

filter_type := "aws_cloudwatch_log_metric_filter"

alarm_type := "aws_cloudwatch_metric_alarm"

# terms(pattern): the `$.field=value` / `$.field!=value` terms of a filter pattern, quotes and
# whitespace removed, per `&&`-separated part: [[term, ...], ...].
parts(pattern) := [terms |
	normal := regex.replace(pattern, `[\s"]`, "")
	some part in split(normal, "&&")
	terms := regex.find_n(`\$\.[A-Za-z0-9_.]+!?=[^()|&}]*`, part, -1)
]

# CloudTrail event fields: a pattern using them filters CloudTrail records. additionalEventData
# (where CloudTrail puts MFAUsed) is CloudTrail's own; $.errorMessage is not counted, application
# logs use it too.
_cloudtrail_fields := {"$.eventName", "$.errorCode", "$.eventSource", "$.userIdentity.type", "$.additionalEventData."}

reads_cloudtrail(pattern) if {
	some terms in parts(pattern)
	some term in terms
	some field in _cloudtrail_fields
	startswith(term, field)
}

# $.eventType is a common field name, but its values here are CloudTrail's own record types
# (a CIS 4.3 filter may test nothing else: `$.userIdentity.invokedBy NOT EXISTS` carries no term).
reads_cloudtrail(pattern) if {
	some terms in parts(pattern)
	some term in terms
	regex.match(`^\$\.eventType!?=Aws(ApiCall|ServiceEvent|ConsoleAction|ConsoleSignIn|CloudTrailInsight|VpceEvent)$`, term)
}

# monitoring_unit: the module builds CloudTrail monitoring (a filter over CloudTrail fields, or a
# trail delivering to CloudWatch Logs), so a missing CIS alarm here is a gap, not another team's job.
monitoring_unit if {
	some f in tf.resources(filter_type)
	reads_cloudtrail(unknown.known_string(f.config.pattern))
}

monitoring_unit if {
	some t in tf.resources("aws_cloudtrail")
	tf.has_attr(t, ["cloud_watch_logs_group_arn"])
}

# anchor: where the module-level finding is placed — the first metric filter, alarm or trail
# delivering to CloudWatch Logs. A fix adds resources after it, so it stays the anchor and the
# other CIS rules' findings keep their fingerprints.
anchor := candidates[0] if {
	candidates := [r |
		some r in input.resources
		anchor_candidate(r)
	]
	count(candidates) > 0
}

anchor_candidate(r) if r.type in {filter_type, alarm_type}

anchor_candidate(r) if {
	r.type == "aws_cloudtrail"
	tf.has_attr(r, ["cloud_watch_logs_group_arn"])
}

# covers(pattern, required, forbidden_prefix): one `&&`-free part holds every required term and
# no term starting with forbidden_prefix ("" forbids nothing).
covers(pattern, required, forbidden_prefix) if {
	is_array(required)
	some terms in parts(pattern)
	every term in required {
		term in terms
	}
	not _has_forbidden(terms, forbidden_prefix)
}

# A requirement {"all_of": [term, ...]} is a conjunction instead (CIS 4.2 and 4.6 AND the console
# login event with the MFA flag or the error message): each term sits in an `&&`-part of its own.
# An optional "same_as" map lists, per term, terms that select the same events (CIS 4.2's
# `MFAUsed != "Yes"` and `MFAUsed = "No"`: CloudTrail writes the flag as Yes or No).
covers(pattern, required, _) if {
	is_object(required)
	required.all_of
	ps := parts(pattern)
	every term in required.all_of {
		some terms in ps
		_holds(terms, term, required)
	}
	holding := {i | some term in required.all_of; some i, terms in ps; _holds(terms, term, required)}
	count(holding) >= count(required.all_of)
}

# A requirement {"narrowed": term, "narrowing": [term, ...]} (CIS 4.3, root account usage) asks for
# one kind of event that other conditions may only narrow in known ways: the term is an
# `&&`-part alone (ORed with anything, the filter counts other events too), and every other part
# holds only narrowing terms or none (a NOT EXISTS test carries no term). A filter left without a
# narrowing term watches more, not less, so it covers.
covers(pattern, required, _) if {
	is_object(required)
	required.narrowed
	ps := parts(pattern)
	some i, terms in ps
	terms == [required.narrowed]
	every j, others in ps {
		_narrows(j, i, others, required.narrowing)
	}
}

_narrows(j, i, _, _) if j == i

_narrows(j, i, others, allowed) if {
	j != i
	every term in others {
		term in allowed
	}
}

_holds(terms, term, _) if term in terms

_holds(terms, term, required) if {
	some same in object.get(object.get(required, "same_as", {}), term, [])
	same in terms
}

_has_forbidden(terms, prefix) if {
	prefix != ""
	some term in terms
	startswith(term, prefix)
}

# alarmed(filter): an alarm's metric_name references the filter, or names one of its metrics, in
# the metric's namespace: CloudWatch identifies a metric by namespace and name, so an alarm on
# the same name in another namespace watches a metric the filter never writes (round 27).
alarmed(filter) if {
	some alarm in alarms_on(filter)
	notifies(alarm)
}

# An alarm whose metric name is unknown and tied to no filter may be alarming on this one.
alarmed(_) if {
	some alarm in tf.resources(alarm_type)
	notifies(alarm)
	unknown.is_unknown(alarm.config.metric_name)
	count(tf.references_to(alarm, ["metric_name"], filter_type)) == 0
}

# alarms_on(filter): the alarms on the filter's metric, whether or not they notify anyone.
alarms_on(filter) := {alarm |
	some alarm in tf.referencing(filter.address, alarm_type, ["metric_name"])
	some t in tf.blocks(filter, "metric_transformation")
	namespace_fits(alarm, t)
} | {alarm |
	some alarm in tf.resources(alarm_type)
	name := unknown.known_string(alarm.config.metric_name)
	some t in tf.blocks(filter, "metric_transformation")
	t.name == name
	namespace_fits(alarm, t)
}

# muted(filter): the filter has alarms, and none of them notifies (see notifies).
muted(filter) if {
	count(alarms_on(filter)) > 0
	not alarmed(filter)
}

# notifies(alarm): the alarm may tell someone: no silence reason applies, or the unit routes alarm
# state changes through EventBridge, which CloudWatch sends them to whatever the alarm's actions
# (an emptied list, actions switched off, only scaling actions).
notifies(alarm) if not silence(alarm)

notifies(_) if state_changes_routed

# A composite alarm whose rule names the alarm (by reference, or by name in `ALARM("name")`) is
# heard for it: a metric alarm without actions under a notifying composite is how noise is cut.
notifies(alarm) if {
	some target in composite_members
	tf.refers_to(target, alarm.address)
}

notifies(alarm) if {
	name := regex.replace(unknown.known_string(alarm.config.alarm_name), `\s`, "")
	some rule in composite_rules
	some form in [sprintf("(\"%s\")", [name]), sprintf("(%s)", [name])]
	contains(rule, form)
}

# The alarms notifying composites reference in their rules, and their rules as known text (one
# pass over the unit's composites, not per alarm).
composite_members contains ref.target if {
	some c in tf.resources("aws_cloudwatch_composite_alarm")
	not silence(c)
	some ref in c.references
	ref.path == ["alarm_rule"]
}

composite_rules contains regex.replace(rule, `\s`, "") if {
	some c in tf.resources("aws_cloudwatch_composite_alarm")
	not silence(c)
	rule := unknown.known_string(c.config.alarm_rule)
}

# silence(alarm): why the alarm surely tells no one. CIS AWS Foundations 4.1–4.15 audit the
# alarm's AlarmActions for an SNS topic with at least one subscriber, and CloudWatch performs
# nothing on ALARM without actions: one written with its actions switched off, with an empty
# list, or with no alarm_actions at all changes state unseen (an unknown list may name a topic).
# (CloudWatch also sends every alarm state change to EventBridge: see notifies.)
silence(alarm) := "its actions are switched off (actions_enabled = false)" if {
	unknown.is_false(object.get(alarm.config, "actions_enabled", true))
} else := "its alarm_actions list is empty" if {
	alarm.config.alarm_actions == []
} else := "it has no alarm_actions" if {
	object.get(alarm.config, "alarm_actions", null) == null
} else := "its alarm_actions only run EC2 or Auto Scaling actions" if {
	actions := alarm.config.alarm_actions
	is_array(actions)
	every action in actions {
		machine_action(action)
	}
}

# machine_action(action): an EC2 action (stop, terminate, reboot, recover) or a scaling policy:
# it changes capacity and tells no person. SNS topics, Lambda functions, Systems Manager OpsItems
# and Incident Manager response plans may all reach someone, and unknowns may be anything.
machine_action(action) if regex.match(`^arn:aws[a-z-]*:(automate|autoscaling|swf):`, action)

machine_action(action) if regex.match(`^aws_(autoscaling|appautoscaling)_policy\.`, action["$unknown"])

# state_changes_routed: an EventBridge rule of the unit matches alarm state changes (one lookup
# per unit, not per alarm).
state_changes_routed if {
	some rule in tf.resources("aws_cloudwatch_event_rule")
	contains(unknown.known_string(object.get(rule.config, "event_pattern", null)), "CloudWatch Alarm State Change")
}

# silent_alarm(required, forbidden_prefix): [alarm, reason] for the first alarm on a filter that
# covers the events and has alarms, none of which notifies: what a finding should name.
silent_alarm(required, forbidden_prefix) := [alarms[0], silence(alarms[0])] if {
	alarms := [alarm |
		some filter in tf.resources(filter_type)
		covers(unknown.known_string(filter.config.pattern), required, forbidden_prefix)
		muted(filter)
		some alarm in alarms_on(filter)
	]
	count(alarms) > 0
}

# message(msg, spec): the rule's message, or, when a covering filter's alarms all notify no one,
# what exactly is missing. The CIS control number is the one the rule's message names.
message(msg, spec) := sprintf(_silent_message, [silent[0].address, spec.title, silent[1], cis]) if {
	silent := silent_alarm(spec.required, spec.forbidden)
	cis := regex.find_n(`CIS [0-9.]+`, msg, 1)[0]
} else := msg

_silent_message := "The alarm %s on the metric filter for %s notifies no one: %s (%s asks for alarm actions naming an SNS topic with a subscriber)"

# namespace_fits(alarm, transformation): the namespaces agree, or either is unknown or unset.
namespace_fits(alarm, t) if not is_string(object.get(alarm.config, "namespace", null))

namespace_fits(_, t) if not is_string(object.get(t, "namespace", null))

namespace_fits(alarm, t) if alarm.config.namespace == t.namespace

# watched(required, forbidden_prefix): some filter covers the events and has an alarm; an unknown
# pattern counts as covering.
watched(required, forbidden_prefix) if {
	some filter in tf.resources(filter_type)
	covers(unknown.known_string(filter.config.pattern), required, forbidden_prefix)
	alarmed(filter)
}

watched(_, _) if {
	some filter in tf.resources(filter_type)
	not is_string(filter.config.pattern)
	alarmed(filter)
}

# missing(required, forbidden_prefix): the module monitors CloudTrail but not these events.
missing(required, forbidden_prefix) if {
	monitoring_unit
	not watched(required, forbidden_prefix)
}

# event_terms(names): the `$.eventName=<name>` terms for a list of API names.
event_terms(names) := [concat("", ["$.eventName=", n]) | some n in names]

# near_misses(required, forbidden_prefix): filters whose known pattern names some of these events
# (or the forbidden field) but does not cover them — the place a fix belongs.
near_misses(required, forbidden_prefix) := {filter |
	some filter in tf.resources(filter_type)
	pattern := unknown.known_string(filter.config.pattern)
	_mentions(pattern, required, forbidden_prefix)
	not covers(pattern, required, forbidden_prefix)
}

_mentions(pattern, required, _) if {
	some terms in parts(pattern)
	some term in terms
	term in _telling_terms(required)
}

_mentions(pattern, _, prefix) if {
	prefix != ""
	some terms in parts(pattern)
	some term in terms
	startswith(term, prefix)
}

# The terms that mark a filter as an attempt at this control: every event of a list; for a
# conjunction only the terms besides the event name (a ConsoleLogin filter for CIS 4.2 is not a
# failed attempt at CIS 4.6).
_telling_terms(required) := [term | some term in required; not term in _shared_events] if is_array(required)

_telling_terms(required) := array.concat(
	[term | some term in required.all_of; not startswith(term, "$.eventName=")],
	[same | some term, sames in object.get(required, "same_as", {}); some same in sames],
) if {
	is_object(required)
	required.all_of
}

_telling_terms(required) := [required.narrowed] if {
	is_object(required)
	required.narrowed
}

# Event names that belong to two CIS controls' lists: IAM's CreatePolicy and DeletePolicy (CIS 4.4)
# are also AWS Organizations' (CIS 4.15). A filter naming only these is an attempt at either, so
# it tells neither control that it falls short: the other control's complete filter (a fix adds
# one) must not become this control's near miss.
_shared_events := {"$.eventName=CreatePolicy", "$.eventName=DeletePolicy"}
