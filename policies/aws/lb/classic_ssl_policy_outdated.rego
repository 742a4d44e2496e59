# METADATA
# title: Classic load balancer SSL policy enables SSL or TLS before 1.2
# description: |
#   An SSLNegotiationPolicyType policy that turns on SSLv2, SSLv3, TLS 1.0 or TLS 1.1 lets clients
#   negotiate protocols with known attacks (POODLE, BEAST) and weak ciphers; PCI DSS forbids them
#   for cardholder data. Referencing a predefined policy (Reference-Security-Policy) that allows TLS
#   1.0, such as ELBSecurityPolicy-2016-08, does the same.
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
#     kics: 126c1788-23c2-4a10-906c-ef179f4f96ec
#   cwe: ["CWE-327"]
#   remediation: Set the outdated Protocol-* attributes to false, or use the predefined ELBSecurityPolicy-TLS-1-2-2017-01 policy.
#   fixable: true
package palisade.aws.lb.classic_ssl_policy_outdated

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

outdated := {"Protocol-SSLv2", "Protocol-SSLv3", "Protocol-TLSv1", "Protocol-TLSv1.1"}

deny contains result.fail_fix(r, ["policy_attribute", i, "name"], msg, [result.set(["policy_attribute", i, "value"], "false")]) if {
	some r in tf.resources("aws_load_balancer_policy")
	r.config.policy_type_name == "SSLNegotiationPolicyType"
	some i, a in tf.blocks(r, "policy_attribute")
	a.name in outdated
	unknown.is_true(object.get(a, "value", null))
	msg := sprintf("%s enables %s on the load balancer", [r.address, a.name])
}

# The usual way to configure a classic load balancer's negotiation is to reference one of AWS's
# predefined policies. ELBSecurityPolicy-2016-08 (the console's default), the dated 2011-2015 ones
# and the ELBSample ones allow TLS 1.0 (and some SSLv3). ELBSecurityPolicy-TLS-1-1-2017-01 allows
# TLS 1.1 but not 1.0; it is not reported, matching KICS's negative sample (docs/accuracy.md,
# round 9), although the same protocol named as a Protocol-TLSv1.1 attribute is.
deny contains result.fail_fix(r, path, msg, [result.set(path, modern_reference)]) if {
	some r in tf.resources("aws_load_balancer_policy")
	r.config.policy_type_name == "SSLNegotiationPolicyType"
	some i, a in tf.blocks(r, "policy_attribute")
	a.name == "Reference-Security-Policy"
	reference := unknown.known_string(a.value)
	regex.match(`^ELB(SecurityPolicy|Sample)-`, reference)
	not contains(reference, "TLS-1-2")
	not contains(reference, "TLS-1-1")
	path := ["policy_attribute", i, "value"]
	msg := sprintf("%s references %s, which allows TLS 1.0", [r.address, reference])
}

modern_reference := "ELBSecurityPolicy-TLS-1-2-2017-01"
