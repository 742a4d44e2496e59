# METADATA
# title: Load balancer lets HTTP desync requests through (desync mitigation mode monitor)
# description: |
#   Application and Classic Load Balancers classify each request by how it could be read
#   differently by the load balancer and the target (RFC 7230 ambiguities such as conflicting
#   Content-Length and Transfer-Encoding headers). In mode monitor they forward every request,
#   however ambiguous, so a back end that parses it another way can be fed a smuggled request (HTTP
#   request smuggling: cache or queue poisoning, credential hijacking). The default, defensive,
#   blocks the ambiguous requests that are known to be dangerous; strictest accepts only requests
#   that comply with the RFC. AWS Security Hub (ELB.12, ELB.14) asks for defensive or strictest.
#   Network and gateway load balancers have no such mode. Opaque terraform-aws-modules/alb calls
#   are judged by their desync_mitigation_mode input (unset: the provider's default, defensive).
# related_resources:
#   - ref: https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html#desync-mitigation-mode
#   - ref: https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/config-desync-mitigation-mode.html
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/elb-controls.html#elb-12
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/lb#desync_mitigation_mode
# custom:
#   id: PAL-AWS-LB-008
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_lb, aws_alb, aws_elb, "module:terraform-aws-modules/alb/aws"]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_328
#   cwe: ["CWE-444"]
#   remediation: Set desync_mitigation_mode = "defensive" (the default) or "strictest".
#   fixable: true
package palisade.aws.lb.desync_mitigation_monitor

# Only an explicit "monitor" is reported: unset means defensive (the service default, which the
# provider keeps). The fix writes "defensive", the mode AWS recommends for most applications:
# strictest also rejects requests that are merely non-compliant, which may break clients the
# owner must first look at.

import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.tf

path := ["desync_mitigation_mode"]

deny contains finding(r) if {
	some r in array.concat(tf.resources("aws_lb"), tf.resources("aws_alb"))
	object.get(r.config, "load_balancer_type", "application") == "application"
	monitor(object.get(r.config, path, null))
}

deny contains finding(r) if {
	some r in tf.resources("aws_elb")
	monitor(object.get(r.config, path, null))
}

deny contains finding(m) if {
	some m in modules.application_load_balancers
	monitor(object.get(m.config, path, null))
}

monitor(v) if {
	is_string(v)
	lower(v) == "monitor"
}

finding(r) := result.fail_fix(r, path, msg, [result.set(path, "defensive")]) if {
	msg := sprintf("%s forwards requests that risk HTTP desync (desync_mitigation_mode = \"monitor\")", [r.address])
}
