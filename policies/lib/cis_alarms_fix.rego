# METADATA
# title: Fixes for the CIS metric-filter and alarm rules
# description: |
#   What a CIS monitoring rule's fix does, by what the module already has: a filter that falls
#   short of the CIS pattern (every term it has belongs to it) gets the CIS pattern; a filter that
#   matches but has no alarm gets one; otherwise a new metric filter on the CloudTrail log group and
#   an alarm on its metric are added. The log group is the one the trail delivers to, else the one
#   the module's CloudTrail filters read; with neither there is nothing to attach a filter to and
#   the finding carries no fix. An alarm the fix adds or completes notifies the SNS topic the
#   module's other alarms already notify, written as they write it; with none there is no fix: an
#   alarm that tells no one does not meet the control, and a topic the fix made up would have no
#   subscriber. A spec describes one rule:
#   {"slug", "metric", "title", "pattern", "required", "forbidden"}.
package palisade.lib.cis_alarms_fix

import data.palisade.lib.cis_alarms
import data.palisade.lib.fixes
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

# anchor_ops(spec): the fix of the module-level finding.
anchor_ops(spec) := actions_ops(muted[0]) if {
	# A covering filter whose alarms notify nobody: an alarm that merely leaves alarm_actions out
	# gets the topic the module's other alarms notify; one switched off or emptied on purpose gets
	# nothing (which topic should be told is the owner's to say), and a second alarm beside the
	# muted one would only hide it.
	muted := [f |
		some f in tf.resources(cis_alarms.filter_type)
		cis_alarms.covers(unknown.known_string(f.config.pattern), spec.required, spec.forbidden)
		cis_alarms.muted(f)
	]
	count(muted) > 0
} else := filter_ops(near[0], spec) if {
	near := [f |
		some f in tf.resources(cis_alarms.filter_type)
		f in cis_alarms.near_misses(spec.required, spec.forbidden)
		completable(f, spec.pattern)
	]
	count(near) > 0
} else := alarm_ops(silent[0], spec) if {
	silent := [f |
		some f in tf.resources(cis_alarms.filter_type)
		cis_alarms.covers(unknown.known_string(f.config.pattern), spec.required, spec.forbidden)
		not cis_alarms.alarmed(f)
		count(alarm_ops(f, spec)) > 0
	]
	count(silent) > 0
} else := new_pair_ops(spec)

# filter_ops(filter, spec): complete this filter's pattern (and alarm on it when nothing does);
# a filter that also matches other events keeps its pattern and a new pair is added instead.
filter_ops(filter, spec) := with_pattern(filter, spec, alarm) if {
	completable(filter, spec.pattern)
	alarm := alarm_unless_alarmed(filter, spec)
} else := new_pair_ops(spec)

# with_pattern: the completed pattern and the alarm ops; nothing when the filter would still tell
# no one (its alarms notify nobody and cannot be given a topic, or no alarm can be added).
with_pattern(filter, spec, alarm) := [] if {
	count(alarm) == 0
	not cis_alarms.alarmed(filter)
} else := array.concat([set_pattern], alarm) if {
	set_pattern := object.union(result.set(["pattern"], spec.pattern), {"resource": filter.address})
}

alarm_unless_alarmed(filter, spec) := [] if cis_alarms.alarmed(filter)

else := actions_ops(filter) if cis_alarms.muted(filter)

else := alarm_ops(filter, spec)

# actions_ops(filter): alarm_actions for the filter's first alarm that leaves them out, naming the
# topic the module's other alarms notify; [] when there is none or every alarm was silenced on
# purpose (actions off, an empty list, only EC2 or scaling actions).
actions_ops(filter) := [object.union(result.set(["alarm_actions"], [topic]), {"resource": alarms[0].address})] if {
	alarms := sort_by_address([a |
		some a in cis_alarms.alarms_on(filter)
		object.get(a.config, "alarm_actions", null) == null
		not unknown.is_false(object.get(a.config, "actions_enabled", true))
	])
	count(alarms) > 0
	topic := alarm_topic_for(alarms[0])
} else := []

sort_by_address(rs) := [by[k] | some k in sort(object.keys(by))] if by := {r.address: r | some r in rs}

# completable(filter, pattern): every term of the filter's known pattern belongs to the CIS
# pattern, so replacing the pattern watches more and drops nothing.
completable(filter, pattern) if {
	current := unknown.known_string(filter.config.pattern)
	cis_terms := {term | some terms in cis_alarms.parts(pattern); some term in terms}
	current_terms := {term | some terms in cis_alarms.parts(current); some term in terms}
	count(current_terms) > 0
	every term in current_terms {
		term in cis_terms
	}
}

# alarm_ops(filter, spec): an alarm on the filter's metric, placed after the filter.
alarm_ops(filter, spec) := [object.union(op, {"resource": filter.address})] if {
	fixes.can_reference(filter)
	count(tf.blocks(filter, "metric_transformation")) == 1
	metric := sprintf("%s.metric_transformation[0]", [filter.address])
	topic := alarm_topic_for(filter)
	op := result.add_resource(cis_alarms.alarm_type, free_name(cis_alarms.alarm_type, spec.slug), alarm_config(spec, metric_of(metric), topic))
} else := []

# new_pair_ops(spec): a new filter on the CloudTrail log group and an alarm on its metric.
new_pair_ops(spec) := [filter_op, alarm_op] if {
	filter_name := free_name(cis_alarms.filter_type, spec.slug)
	filter_op := result.add_resource(cis_alarms.filter_type, filter_name, {
		"name": sprintf("CIS-%s", [spec.metric]),
		"log_group_name": log_group,
		"pattern": spec.pattern,
		"metric_transformation": [{"name": spec.metric, "namespace": namespace, "value": "1"}],
	})
	metric := sprintf("%s.%s.metric_transformation[0]", [cis_alarms.filter_type, filter_name])
	topic := alarm_topic_for(cis_alarms.anchor)
	alarm_op := result.add_resource(cis_alarms.alarm_type, free_name(cis_alarms.alarm_type, spec.slug), alarm_config(spec, metric_of(metric), topic))
} else := []

# metric_of(metric): the alarm's metric name and namespace, read from a filter's transformation.
metric_of(metric) := {
	"metric_name": result.expr(sprintf("%s.name", [metric])),
	"namespace": result.expr(sprintf("%s.namespace", [metric])),
}

# One data point in five minutes is enough: CIS asks to hear about every such event.
alarm_config(spec, metric, topic) := object.union(object.union(base, metric), {"alarm_actions": [topic]}) if {
	base := {
		"alarm_name": sprintf("CIS-%s", [spec.metric]),
		"alarm_description": sprintf("CloudTrail recorded %s", [spec.title]),
		"comparison_operator": "GreaterThanOrEqualToThreshold",
		"evaluation_periods": 1,
		"period": 300,
		"statistic": "Sum",
		"threshold": 1,
	}
}

# free_name(type, base): `cis_<base>`, or with a number when a resource of that type has it.
free_name(resource_type, base) := names[0] if {
	taken := {r.name | some r in tf.resources(resource_type)}
	names := [n |
		some i in numbers.range(1, 9)
		n := candidate_name(base, i)
		not n in taken
	]
	count(names) > 0
}

candidate_name(base, 1) := sprintf("cis_%s", [base])

candidate_name(base, i) := sprintf("cis_%s_%d", [base, i]) if i > 1

# log_group: the name of the log group CloudTrail delivers to, as a literal or an expression.
log_group := trail_groups[0] if {
	count(trail_groups) > 0
} else := filter_groups[0] if {
	count(filter_groups) > 0
}

trail_groups := [g |
	some t in tf.resources("aws_cloudtrail")
	some g in trail_group(t)
]

# trail_group(t): the log group a trail delivers to, from its reference or its literal ARN. Not a
# reference to one instance of a count/for_each log group: the new filter and alarm have no count
# of their own, so when the switch is off (nozaq's cloudtrail-baseline:
# `count = var.cloudwatch_logs_enabled && var.enabled ? 1 : 0`, off in member accounts)
# `aws_cloudwatch_log_group.x[0]` is an invalid index and Terraform refuses the plan (held-out
# round 17). The same for a counted filter's indexed log group, below.
trail_group(t) := array.concat(referenced, literal) if {
	referenced := [result.expr(sprintf("%s.name", [ref.target])) |
		some ref in tf.references_to(t, ["cloud_watch_logs_group_arn"], "aws_cloudwatch_log_group")
		not contains(ref.target, "module.")
		not contains(ref.target, "[")
	]
	literal := [m[1] |
		arn := unknown.known_string(object.get(t.config, "cloud_watch_logs_group_arn", null))
		some m in regex.find_all_string_submatch_n(`:log-group:([^:*]+)`, arn, 1)
	]
}

filter_groups := [g |
	some f in tf.resources(cis_alarms.filter_type)
	cis_alarms.reads_cloudtrail(unknown.known_string(f.config.pattern))
	g := value_as_written(object.get(f.config, "log_group_name", null))
	not counted_instance_reference(f, g)
]

counted_instance_reference(f, g) if {
	_counted(f)
	names_an_instance(g["$expr"])
}

counted_instance_reference(f, g) if {
	_counted(f)
	names_an_element(g["$expr"])
}

_counted(f) if f.index

_counted(f) if f.unexpanded

# names_an_instance(expr): the reference keys a resource, data source or module call by instance
# (`aws_sns_topic.alarms[0].arn`, `module.alerts["a"].arn`); a key into an attribute
# (`aws_cloudformation_stack.t.outputs["Arn"]`) exists whatever the count.
names_an_instance(expr) if regex.match(`^(data\.)?[a-z0-9]+_[a-z0-9_]*\.[A-Za-z_][A-Za-z0-9_-]*\[`, expr)

names_an_instance(expr) if regex.match(`^module\.[A-Za-z_][A-Za-z0-9_-]*\[`, expr)

# names_an_element(expr): an element of a variable or local (`var.topics[0]`). A count such as
# `length(var.topics) > 0 ? 1 : 0` is what keeps that index valid, and an alarm added without it
# fails the plan when the list is empty; the value is unknown here, so its length cannot be told.
names_an_element(expr) if regex.match(`^(var|local)\.[A-Za-z_][A-Za-z0-9_-]*\[`, expr)

# namespace: the namespace of the module's CloudTrail metrics, else CISBenchmark.
default namespace := "CISBenchmark"

namespace := spaces[0] if {
	spaces := [ns |
		some f in tf.resources(cis_alarms.filter_type)
		cis_alarms.reads_cloudtrail(unknown.known_string(f.config.pattern))
		some t in tf.blocks(f, "metric_transformation")
		ns := unknown.known_string(t.namespace)
	]
	count(spaces) > 0
}

# alarm_topic_for(r): the SNS topic the alarms in r's module notify, as they write it, for an
# alarm added beside r or an alarm r itself. A topic no alarm notifies is not taken: a module's
# only topic may carry anything (bucket events, bounces), and whether anyone reads it cannot be
# told. Nor is an indexed topic a counted alarm names (see counted_instance_reference).
alarm_topic_for(r) := topics[0] if {
	topics := topics_in(tf.scope(r.address))
	count(topics) > 0
}

topics_in(scope) := [v |
	some a in tf.resources(cis_alarms.alarm_type)
	tf.scope(a.address) == scope
	cis_alarms.notifies(a)
	some action in unknown.items(object.get(a.config, "alarm_actions", []))
	v := sns_action(action)

	# A counted alarm's `aws_sns_topic.x[0].arn` may name an instance that exists only when the
	# alarm does: the alarm the fix adds has no count, and the plan would fail with the switch off.
	not counted_instance_reference(a, v)
	not switched_variable(a, v)
]

# switched_variable(a, v): a's count/for_each is not known and v is a plain variable or local. The
# model does not show what the count reads, and the usual unknown count is a switch on the topic
# itself (`count = var.topic_arn != "" ? 1 : 0`, no default): the alarm the fix adds has no count
# and would carry "" where the caller passes no topic. A known count was evaluated with the value
# this unit gives the variable, and a resource's topic exists whatever the alarm's count.
switched_variable(a, v) if {
	a.unexpanded
	regex.match(`^(var|local)\.`, v["$expr"])
}

sns_action(action) := action if startswith(unknown.known_string(action), "arn:aws:sns:")

sns_action(action) := v if {
	v := value_as_written(action)
	regex.match(`^(data\.)?aws_sns_topic\.`, v["$expr"])
}

# A variable or local named for a topic (`var.alarm_sns_topic_arn`): the module's alarms tell it.
sns_action(action) := v if {
	v := value_as_written(action)
	regex.match(`^(var|local)\.[A-Za-z0-9_-]*(sns|topic)`, v["$expr"])
}

# A module output that names a topic (cisagov's `module.sns_new_user_alarms.sns_topic.arn`): the
# module's CloudTrail alarm already notifies it, so the CIS alarms beside it should too.
sns_action(action) := v if {
	v := value_as_written(action)
	startswith(v["$expr"], "module.")
	regex.match(`(?i)(sns|topic)`, v["$expr"])
}

# A CloudFormation stack's output named for a topic (GSA's grace-alerting: the stack builds the
# e-mail topic and its alarms notify `aws_cloudformation_stack.alerting_topic.outputs["Arn"]`,
# held-out s20/H6): the module's alarms already tell it, so the CIS alarms beside them should too.
sns_action(action) := v if {
	v := value_as_written(action)
	startswith(v["$expr"], "aws_cloudformation_stack.")
	regex.match(`(?i)(sns|topic)`, v["$expr"])
}

# value_as_written(v): a known string as is; an unknown written as a plain reference
# (`aws_cloudwatch_log_group.trail.name`, `var.log_group`) as that expression, so the new
# resource reads the same thing. Anything computed (functions, `each.`, `count.`) is not copied.
value_as_written(v) := v if is_string(v)

value_as_written(v) := result.expr(v["$unknown"]) if {
	unknown.is_unknown(v)
	regex.match(`^(var|local|data|module|aws_[a-z0-9_]+)(\.[A-Za-z_][A-Za-z0-9_-]*|\[[0-9]+\]|\["[^"\\]*"\])+$`, v["$unknown"])
}
