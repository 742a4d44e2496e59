# METADATA
# title: Load balancer listener allows TLS versions older than 1.2
# description: |
#   The listener's ssl_policy accepts TLS 1.0 or 1.1 (ELBSecurityPolicy-2016-08, the
#   -TLS-1-0/-TLS-1-1 and 2015-05 policies, or the FS-2018-06 policy), which have known
#   weaknesses and are no longer allowed by PCI DSS.
# related_resources:
#   - ref: https://docs.aws.amazon.com/elasticloadbalancing/latest/application/describe-ssl-policies.html
# custom:
#   id: PAL-AWS-LB-004
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_lb_listener, aws_alb_listener]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_103
#   cwe: ["CWE-327"]
#   remediation: Use ssl_policy = "ELBSecurityPolicy-TLS13-1-2-2021-06" (or another TLS 1.2+ policy).
#   fixable: true
package palisade.aws.lb.outdated_tls_policy

import data.palisade.lib.result

outdated_policies := {
	"ELBSecurityPolicy-2016-08", "ELBSecurityPolicy-2015-05", "ELBSecurityPolicy-TLS-1-0-2015-04",
	"ELBSecurityPolicy-TLS-1-1-2017-01", "ELBSecurityPolicy-FS-2018-06", "ELBSecurityPolicy-FS-1-1-2019-08",
	"ELBSecurityPolicy-TLS13-1-0-2021-06", "ELBSecurityPolicy-TLS13-1-1-2021-06",
}

deny contains result.fail_fix(r, ["ssl_policy"], msg, [result.set(["ssl_policy"], "ELBSecurityPolicy-TLS13-1-2-2021-06")]) if {
	some r in input.resources
	r.type in {"aws_lb_listener", "aws_alb_listener"}
	r.config.protocol in {"HTTPS", "TLS"}
	r.config.ssl_policy in outdated_policies
	msg := sprintf("%s uses %s, which allows TLS older than 1.2", [r.address, r.config.ssl_policy])
}
