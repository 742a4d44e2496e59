# METADATA
# title: Classic load balancer SSL policy enables SSL or TLS before 1.2, or a weak cipher
# description: |
#   An SSLNegotiationPolicyType policy that turns on SSLv2, SSLv3, TLS 1.0 or TLS 1.1 lets clients
#   negotiate protocols with known attacks (POODLE, BEAST) and weak ciphers; PCI DSS forbids them
#   for cardholder data. The same holds for a policy that turns on a broken cipher by name (RC4,
#   single or triple DES (Sweet32), export-grade, NULL or anonymous suites), and for one that
#   references a predefined policy (Reference-Security-Policy) allowing TLS 1.0 or 1.1, such as
#   ELBSecurityPolicy-2016-08 or ELBSecurityPolicy-TLS-1-1-2017-01, and for an HTTPS or SSL listener
#   of an aws_elb with no policy attached for its port: ELB then associates the default
#   ELBSecurityPolicy-2016-08, which allows TLS 1.0 and 1.1.
# related_resources:
#   - ref: https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/elb-ssl-security-policy.html
#   - ref: https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/ssl-config-update.html
# custom:
#   id: PAL-AWS-LB-007
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_load_balancer_policy, aws_lb_ssl_negotiation_policy, aws_elb]
#   frameworks:
#     pci-dss-4.0: ["4.2.1"]
#   references:
#     checkov: CKV_AWS_213
#     kics: 4a800e14-c94a-442d-9067-5a2e9f6c0a4c
#   cwe: ["CWE-327"]
#   remediation: >-
#     Set the outdated Protocol-* and weak cipher attributes to false, or use the predefined
#     ELBSecurityPolicy-TLS-1-2-2017-01 policy; attach such a policy (aws_load_balancer_listener_policy)
#     to every HTTPS or SSL listener.
#   fixable: true
package palisade.aws.lb.classic_ssl_policy_outdated

import data.palisade.lib.fixes
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

outdated := {"Protocol-SSLv2", "Protocol-SSLv3", "Protocol-TLSv1", "Protocol-TLSv1.1"}

# Fragments that mark a broken cipher in an attribute name: OpenSSL names (what ELB's
# SSLNegotiationPolicyType accepts, e.g. RC4-SHA, DES-CBC3-SHA, EXP-RC4-MD5, ADH-AES128-SHA) and
# the IANA spellings people copy (TLS_RSA_WITH_3DES_EDE_CBC_SHA, ..._ARCFOUR_...). A strong suite
# such as ECDHE-RSA-AES128-GCM-SHA256 contains none of them.
weak_fragments := {"RC4", "ARCFOUR", "DES", "EXP-", "EXPORT", "NULL", "ADH-", "AECDH-", "ANON"}

weak(name) if outdated[name]

weak(name) if {
	is_string(name)
	not startswith(name, "Protocol-")
	upper(name) != "REFERENCE-SECURITY-POLICY"
	some f in weak_fragments
	contains(upper(name), f)
}

deny contains result.fail_fix(r, [key, i, "name"], msg, [result.set([key, i, "value"], "false")]) if {
	some [r, key] in negotiation_policies
	some i, a in tf.blocks(r, key)
	weak(a.name)
	unknown.is_true(object.get(a, "value", null))
	msg := sprintf("%s enables %s on the load balancer", [r.address, a.name])
}

# The usual way to configure a classic load balancer's negotiation is to reference one of AWS's
# predefined policies. ELBSecurityPolicy-2016-08 (the console's default), the dated 2011-2015 ones
# and the ELBSample ones allow TLS 1.0 (and some SSLv3); ELBSecurityPolicy-TLS-1-1-2017-01 allows
# TLS 1.1, as a Protocol-TLSv1.1 attribute does. (KICS's elb_using_insecure_protocols counts that
# reference as secure, so the query is not mapped: docs/accuracy.md, session 14.) Other names
# (TLS-1-2 ones, or load-balancer policies that classic load balancers do not take) are not judged.
deny contains result.fail_fix(r, path, msg, [result.set(path, modern_reference)]) if {
	some [r, key] in negotiation_policies
	some i, a in tf.blocks(r, key)
	a.name == "Reference-Security-Policy"
	reference := unknown.known_string(a.value)
	oldest := oldest_protocol(reference)
	path := [key, i, "value"]
	msg := sprintf("%s references %s, which allows %s", [r.address, reference, oldest])
}

# An HTTPS or SSL listener of a classic load balancer with no negotiation policy attached for its
# port: "If you create an HTTPS/SSL listener without associating a security policy, Elastic Load
# Balancing associates the default predefined security policy, ELBSecurityPolicy-2016-08" (AWS,
# Update the SSL negotiation configuration), which allows TLS 1.0 and 1.1 (round 24: the Prisma
# Cloud CKV_AWS_127 page's "good" listener). Attached: an aws_load_balancer_listener_policy or
# aws_lb_ssl_negotiation_policy naming the load balancer (by reference or by its name) for that
# port; whatever policy it attaches, the rules above judge. One whose load balancer or port is
# unknown keeps this quiet for every listener. The fix attaches AWS's TLS 1.2 predefined policy:
# an aws_load_balancer_policy referencing ELBSecurityPolicy-TLS-1-2-2017-01 (added once per load
# balancer, shared by its listeners) and an aws_load_balancer_listener_policy for the port.
deny contains fixes.finding(r, ["listener", i, "lb_protocol"], msg, attach_ops(r, port)) if {
	not attachment_unknown
	some r in tf.resources("aws_elb")
	some i, listener in tf.blocks(r, "listener")
	lower(unknown.known_string(listener.lb_protocol)) in {"https", "ssl"}
	port := to_number(listener.lb_port)
	not attached(r, port)
	msg := sprintf(
		"%s listener on port %d gets the default ELBSecurityPolicy-2016-08, which allows TLS 1.0 and 1.1 (no SSL negotiation policy attached)",
		[r.address, port],
	)
}

# The negotiation policies and the block their attributes are written in: an
# SSLNegotiationPolicyType aws_load_balancer_policy, or an aws_lb_ssl_negotiation_policy (which
# creates one, and which a listener counts as attached: attached() below).
negotiation_policies := array.concat(
	[[r, "policy_attribute"] | some r in tf.resources("aws_load_balancer_policy"); r.config.policy_type_name == "SSLNegotiationPolicyType"],
	[[r, "attribute"] | some r in tf.resources("aws_lb_ssl_negotiation_policy")],
)

oldest_protocol(reference) := "TLS 1.1" if {
	startswith(reference, "ELBSecurityPolicy-TLS-1-1-")
} else := "TLS 1.0" if {
	regex.match(`^(ELBSecurityPolicy-20[0-9]{2}-[0-9]{2}|ELBSample-.+)$`, reference)
}

modern_reference := "ELBSecurityPolicy-TLS-1-2-2017-01"

# [type, attribute naming the load balancer, attribute holding the port]
attachments := [
	["aws_load_balancer_listener_policy", "load_balancer_name", "load_balancer_port"],
	["aws_lb_ssl_negotiation_policy", "load_balancer", "lb_port"],
]

attached(elb, port) if {
	some [type, name_attr, port_attr] in attachments
	some p in tf.resources(type)
	names_elb(p, name_attr, elb)
	to_number(tf.attr(p, [port_attr])) == port
}

names_elb(p, name_attr, elb) if {
	some ref in p.references
	ref.path == [name_attr]
	tf.refers_to(ref.target, elb.address)
}

names_elb(p, name_attr, elb) if {
	name := unknown.known_string(tf.attr(p, [name_attr]))
	name == tf.attr(elb, ["name"])
}

attachment_unknown if {
	some [type, name_attr, port_attr] in attachments
	some p in tf.resources(type)
	some attr in [name_attr, port_attr]
	unknown.is_unknown(tf.attr(p, [attr]))
	count(tf.references_to(p, [attr], "aws_elb")) == 0
}

# The fix's operations: none when r cannot be referenced by a plain address (one instance of a
# counted resource, or inside a module) or a resource of a name the fix would use exists already
# (other than the policy an earlier fix of the same load balancer added).
attach_ops(r, port) := array.concat(policy_ops(r), [result.add_resource(
	"aws_load_balancer_listener_policy",
	sprintf("%s_%d", [r.name, port]),
	{
		"load_balancer_name": result.expr(sprintf("%s.name", [r.address])),
		"load_balancer_port": port,
		"policy_names": [result.expr(sprintf("aws_load_balancer_policy.%s.policy_name", [tls_policy_name(r)]))],
	},
)]) if {
	fixes.can_reference(r)
	not named("aws_load_balancer_listener_policy", sprintf("%s_%d", [r.name, port]))
	policy_ops(r)
} else := []

tls_policy_name(r) := sprintf("%s_tls12", [r.name])

tls_policy_config(r) := {
	"load_balancer_name": result.expr(sprintf("%s.name", [r.address])),
	"policy_name": "tls-1-2-2017-01",
	"policy_type_name": "SSLNegotiationPolicyType",
	"policy_attribute": [{"name": "Reference-Security-Policy", "value": modern_reference}],
}

# The shared policy: added by the first fix; a later one finds it (a predefined reference the
# rules above accept) and adds only its listener policy.
policy_ops(r) := [] if {
	some p in tf.resources("aws_load_balancer_policy")
	not p.module
	p.name == tls_policy_name(r)
	p.config.policy_name == "tls-1-2-2017-01"
} else := [result.add_resource("aws_load_balancer_policy", tls_policy_name(r), tls_policy_config(r))] if {
	not named("aws_load_balancer_policy", tls_policy_name(r))
}

named(type, name) if {
	some x in tf.resources(type)
	not x.module
	x.name == name
}
