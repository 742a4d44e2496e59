# METADATA
# title: Load balancer listener allows TLS versions older than 1.2
# description: |
#   The listener's ssl_policy accepts TLS 1.0 or 1.1 (ELBSecurityPolicy-2016-08, the
#   -TLS-1-0/-TLS-1-1 and 2015-05 policies, or the FS-2018-06 policy), which have known
#   weaknesses and are no longer allowed by PCI DSS. An HTTPS or TLS listener without
#   ssl_policy gets ELBSecurityPolicy-2016-08, the provider's documented default.
# related_resources:
#   - ref: https://docs.aws.amazon.com/elasticloadbalancing/latest/application/describe-ssl-policies.html
# custom:
#   id: PAL-AWS-LB-004
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_lb_listener, aws_alb_listener, "module:terraform-aws-modules/alb/aws"]
#   frameworks: {}
#   references:
#     checkov: [CKV_AWS_103, CKV2_AWS_74]
#     trivy: AVD-AWS-0047
#   cwe: ["CWE-327"]
#   remediation: Use ssl_policy = "ELBSecurityPolicy-TLS13-1-2-2021-06" (or another TLS 1.2+ policy).
#   fixable: true
package palisade.aws.lb.outdated_tls_policy

import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

outdated_policies := {
	"ELBSecurityPolicy-2016-08", "ELBSecurityPolicy-2015-05", "ELBSecurityPolicy-TLS-1-0-2015-04",
	"ELBSecurityPolicy-TLS-1-1-2017-01", "ELBSecurityPolicy-FS-2018-06", "ELBSecurityPolicy-FS-1-1-2019-08",
	"ELBSecurityPolicy-TLS13-1-0-2021-06", "ELBSecurityPolicy-TLS13-1-1-2021-06",
}

deny contains result.fail_fix(r, ["ssl_policy"], msg, [result.set(["ssl_policy"], "ELBSecurityPolicy-TLS13-1-2-2021-06")]) if {
	some r in input.resources
	r.type in {"aws_lb_listener", "aws_alb_listener"}

	# In any case: the provider upper-cases the protocol ("https" is HTTPS).
	upper(unknown.known_string(r.config.protocol)) in {"HTTPS", "TLS"}
	r.config.ssl_policy in outdated_policies
	msg := sprintf("%s uses %s, which allows TLS older than 1.2", [r.address, r.config.ssl_policy])
}

# No ssl_policy: the provider documents that the listener then gets ELBSecurityPolicy-2016-08,
# which accepts TLS 1.0 and 1.1 (the console's default is newer, Terraform's is not). On the header.
deny contains result.fail_fix(r, ["ssl_policy"], msg, [result.set(["ssl_policy"], "ELBSecurityPolicy-TLS13-1-2-2021-06")]) if {
	some r in input.resources
	r.type in {"aws_lb_listener", "aws_alb_listener"}
	upper(unknown.known_string(r.config.protocol)) in {"HTTPS", "TLS"}
	tf.missing_attr(r, ["ssl_policy"])
	msg := sprintf("%s sets no ssl_policy, so it gets ELBSecurityPolicy-2016-08, which allows TLS older than 1.2", [r.address])
}

# Opaque terraform-aws-modules/alb calls. From v9 each `listeners` entry of protocol HTTPS or TLS
# (unset: default_protocol, itself "HTTP" unless set) gets its ssl_policy, else a TLS 1.2+ policy.
# Before v9, https_listeners entries took ssl_policy, else listener_ssl_policy_default, which
# defaulted to ELBSecurityPolicy-2016-08 (TLS 1.0).
deny contains result.fail_fix(m, path, msg, [result.set(path, "ELBSecurityPolicy-TLS13-1-2-2021-06")]) if {
	some m in modules.load_balancers
	not modules.pinned_below(m, 9)
	listeners := object.get(m.config, "listeners", {})
	is_object(listeners)
	some key, listener in listeners
	is_object(listener)
	upper(unknown.known_string(object.get(listener, "protocol", object.get(m.config, "default_protocol", "HTTP")))) in {"HTTPS", "TLS"}
	listener.ssl_policy in outdated_policies
	path := ["listeners", key, "ssl_policy"]
	msg := sprintf("%s uses %s, which allows TLS older than 1.2 (listener %q)", [m.address, listener.ssl_policy, key])
}

deny contains result.fail_fix(m, path, msg, [result.set(path, "ELBSecurityPolicy-TLS13-1-2-2021-06")]) if {
	some m in modules.load_balancers
	modules.pinned_below(m, 9)
	some i, listener in object.get(m.config, "https_listeners", [])
	is_object(listener)
	policy := object.get(listener, "ssl_policy", object.get(m.config, "listener_ssl_policy_default", "ELBSecurityPolicy-2016-08"))
	policy in outdated_policies
	path := ["https_listeners", i, "ssl_policy"]
	msg := sprintf("%s uses %s, which allows TLS older than 1.2 (https_listeners[%d])", [m.address, policy, i])
}
