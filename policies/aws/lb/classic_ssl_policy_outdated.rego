# METADATA
# title: Classic load balancer SSL policy enables SSL or TLS before 1.2, or a weak cipher
# description: |
#   An SSLNegotiationPolicyType policy that turns on SSLv2, SSLv3, TLS 1.0 or TLS 1.1 lets clients
#   negotiate protocols with known attacks (POODLE, BEAST) and weak ciphers; PCI DSS forbids them
#   for cardholder data. The same holds for a policy that turns on a broken cipher by name (RC4,
#   single or triple DES (Sweet32), export-grade, NULL or anonymous suites), and for one that
#   references a predefined policy (Reference-Security-Policy) allowing TLS 1.0 or 1.1, such as
#   ELBSecurityPolicy-2016-08 or ELBSecurityPolicy-TLS-1-1-2017-01.
# related_resources:
#   - ref: https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/elb-ssl-security-policy.html
# custom:
#   id: PAL-AWS-LB-007
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_load_balancer_policy]
#   frameworks:
#     pci-dss-4.0: ["4.2.1"]
#   references:
#     checkov: CKV_AWS_213
#     kics: 4a800e14-c94a-442d-9067-5a2e9f6c0a4c
#   cwe: ["CWE-327"]
#   remediation: Set the outdated Protocol-* and weak cipher attributes to false, or use the predefined ELBSecurityPolicy-TLS-1-2-2017-01 policy.
#   fixable: true
package palisade.aws.lb.classic_ssl_policy_outdated

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

deny contains result.fail_fix(r, ["policy_attribute", i, "name"], msg, [result.set(["policy_attribute", i, "value"], "false")]) if {
	some r in tf.resources("aws_load_balancer_policy")
	r.config.policy_type_name == "SSLNegotiationPolicyType"
	some i, a in tf.blocks(r, "policy_attribute")
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
	some r in tf.resources("aws_load_balancer_policy")
	r.config.policy_type_name == "SSLNegotiationPolicyType"
	some i, a in tf.blocks(r, "policy_attribute")
	a.name == "Reference-Security-Policy"
	reference := unknown.known_string(a.value)
	oldest := oldest_protocol(reference)
	path := ["policy_attribute", i, "value"]
	msg := sprintf("%s references %s, which allows %s", [r.address, reference, oldest])
}

oldest_protocol(reference) := "TLS 1.1" if {
	startswith(reference, "ELBSecurityPolicy-TLS-1-1-")
} else := "TLS 1.0" if {
	regex.match(`^(ELBSecurityPolicy-20[0-9]{2}-[0-9]{2}|ELBSample-.+)$`, reference)
}

modern_reference := "ELBSecurityPolicy-TLS-1-2-2017-01"
