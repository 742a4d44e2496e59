# METADATA
# title: Load balancer access logging is not enabled
# description: |
#   Access logs are the only record of each request a load balancer received: client address, path,
#   TLS cipher and response. Without them an attack through the load balancer cannot be investigated
#   afterwards. On aws_lb / aws_alb an access_logs block without enabled = true does not log: the
#   provider's default for enabled is false there, bucket or not. A network load balancer logs only
#   the connections of its TLS listeners, so it is checked when one of its listeners uses TLS.
# related_resources:
#   - ref: https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-access-logs.html
#   - ref: https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/access-log-collection.html
# custom:
#   id: PAL-AWS-LB-005
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_elb, aws_lb, aws_alb, "module:terraform-aws-modules/elb/aws", "module:terraform-aws-modules/alb/aws"]
#   frameworks:
#     pci-dss-4.0: ["10.2.1"]
#   references:
#     checkov: [CKV_AWS_91, CKV_AWS_92]
#     kics: [20018359-6fd7-4d05-ab26-d4dffccbdf79, 3e34db4f-0ad9-4290-bfd0-4a9ee884acaf]
#   cwe: ["CWE-778"]
#   remediation: >-
#     Add an access_logs block with a bucket and enabled = true. The fix copies the bucket (and
#     prefix) that the module's other load balancers of the same kind already log to; with none,
#     or several, the bucket is the owner's choice and no fix is offered.
#   fixable: true
package palisade.aws.lb.access_logging_disabled

import data.palisade.lib.fixes
import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

# Classic load balancers, application load balancers, and network load balancers with a TLS listener.
logging_types := {"aws_elb", "aws_lb", "aws_alb"}

deny contains fixes.finding(r, ["access_logs"], msg, missing_ops(r)) if {
	some r in input.resources
	applies(r)
	tf.missing_attr(r, ["access_logs"])
	msg := sprintf("%s does not write access logs", [r.address])
}

deny contains fixes.finding(r, ["access_logs", i, "enabled"], msg, enable_ops(r, i, b)) if {
	some r in input.resources
	applies(r)
	some i, b in tf.blocks(r, "access_logs")
	unknown.is_false(object.get(b, "enabled", true))
	msg := sprintf("%s does not write access logs", [r.address])
}

# An access_logs block on an application load balancer logs only with enabled = true: for aws_lb /
# aws_alb the provider defaults enabled to false even when a bucket is named (classic aws_elb
# defaults it to true).
deny contains fixes.finding(r, ["access_logs", i], msg, enable_ops(r, i, b)) if {
	some r in input.resources
	r.type in {"aws_lb", "aws_alb"}
	applies(r)
	some i, b in tf.blocks(r, "access_logs")
	object.get(b, "enabled", null) == null
	msg := sprintf("%s names an access log bucket but does not set enabled = true", [r.address])
}

# The registry module terraform-aws-modules/elb/aws takes access_logs as a map argument; with
# create_elb = false it creates no load balancer (round 22).
deny contains result.fail(m, ["access_logs"], msg) if {
	some m in modules.opaque_calls("elb")
	modules.creates(m, ["create_elb"])
	not "access_logs" in object.keys(m.config)
	msg := sprintf("%s does not write access logs", [m.address])
}

deny contains result.fail(m, ["access_logs", "enabled"], msg) if {
	some m in modules.opaque_calls("elb")
	modules.creates(m, ["create_elb"])
	unknown.is_false(object.get(m.config, ["access_logs", "enabled"], true))
	msg := sprintf("%s does not write access logs", [m.address])
}

# Opaque terraform-aws-modules/alb calls of application load balancers: access_logs (default null
# or {} in every major) becomes the access_logs block; from v9 its enabled defaults to true.
deny contains result.fail(m, ["access_logs"], msg) if {
	some m in modules.application_load_balancers
	object.get(m.config, "access_logs", null) in {null, {}}
	msg := sprintf("%s does not write access logs", [m.address])
}

deny contains result.fail(m, ["access_logs", "enabled"], msg) if {
	some m in modules.application_load_balancers
	unknown.is_false(m.config.access_logs.enabled)
	msg := sprintf("%s does not write access logs", [m.address])
}

applies(r) if r.type in {"aws_elb", "aws_alb"}

applies(r) if {
	r.type == "aws_lb"
	object.get(r.config, "load_balancer_type", "application") == "application"
}

# Network load balancers write access logs for TLS listeners only: in scope once one terminates TLS.
applies(r) if {
	r.type == "aws_lb"
	r.config.load_balancer_type == "network"
	some listener in tf.referencing(r.address, "aws_lb_listener", ["load_balancer_arn"])

	# The provider upper-cases the listener protocol, so "tls" is TLS too.
	upper(unknown.known_string(listener.config.protocol)) == "TLS"
}

# The fix copies the access log destination of the module's other load balancers of the same kind
# (classic, application or network: each kind is granted delivery by its own bucket policy
# principal) under the same provider configuration, when they all write to one bucket and prefix.
# The bucket already accepts their logs, so it accepts this one's: log files are named by the load
# balancer, under the same AWSLogs/<account>/ path its policy admits. The copied values must read
# in the sibling exactly as copied (fixes.copied). Several destinations, or none: no fix.
missing_ops(r) := [fixes.with_derived(result.add_block([], "access_logs", object.union(dest.config, switch(r))), dest.derived)] if {
	dest := destination(r)
} else := []

# A block that names the very destination the siblings log to, but is switched off (or, on an
# application load balancer, not switched on): enabled = true.
# The block's own bucket and prefix must spell what they name, as the sibling's must.
enable_ops(r, i, b) := [fixes.with_derived(result.set(["access_logs", i, "enabled"], true), array.concat(own, dest.derived))] if {
	dest := destination(r)
	same_place(b, dest.config)
	own := [d | some k, v in dest.config; d := own_entry(i, k, v)]
} else := []

own_entry(i, k, v) := {"path": ["access_logs", i, k], "text": v["$expr"]} if is_string(v["$expr"])

own_entry(i, k, v) := ["access_logs", i, k] if not is_object(v)

same_place(b, config) if {
	every k, v in config {
		b[k] == value_of(v)
	}
	every k in object.keys(b) - {"enabled"} {
		k in object.keys(config)
	}
}

# A copied reference is compared by its text: the sibling's unknown reads the same.
value_of(v) := {"$unknown": v["$expr"]} if is_string(v["$expr"])

value_of(v) := v if not is_object(v)

switch(r) := {} if r.type == "aws_elb"

switch(r) := {"enabled": true} if r.type != "aws_elb"

destination(r) := {"config": config, "derived": [d | some c in copies; some d in c.derived]} if {
	copies := {c |
		some s in input.resources
		fixes.sibling(r, s)
		kind(s) == kind(r)
		some i, b in tf.blocks(s, "access_logs")
		logging_on(s, b)
		c := copy_of(s, i, b)
	}
	configs := {c.config | some c in copies}
	count(configs) == 1
	some config in configs
}

copy_of(s, i, b) := {"config": config, "derived": derived} if {
	keys := [k | some k in ["bucket", prefix_key(s), "interval"]; object.get(b, k, null) != null]
	"bucket" in keys
	copied := [[k, c] | some k in keys; c := fixes.copied(s, ["access_logs", i, k], b[k])]
	count(copied) == count(keys)
	config := {k: c.value | some [k, c] in copied}
	derived := [c.derived | some [_, c] in copied]
}

logging_on(s, b) if {
	s.type == "aws_elb"
	unknown.is_true(object.get(b, "enabled", true))
}

logging_on(s, b) if {
	s.type != "aws_elb"
	unknown.is_true(object.get(b, "enabled", false))
}

kind(r) := "classic" if r.type == "aws_elb"

kind(r) := object.get(r.config, "load_balancer_type", "application") if r.type in {"aws_lb", "aws_alb"}

prefix_key(s) := "bucket_prefix" if s.type == "aws_elb"

prefix_key(s) := "prefix" if s.type != "aws_elb"
