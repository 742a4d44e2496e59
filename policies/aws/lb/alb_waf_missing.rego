# METADATA
# title: Internet-facing application load balancer is not protected by AWS WAF
# description: |
#   No web ACL is associated with the load balancer, so every request reaches the application
#   unfiltered: no managed rules against SQL injection, XSS or known bad inputs, no rate limiting,
#   no IP reputation lists.
# related_resources:
#   - ref: https://docs.aws.amazon.com/waf/latest/developerguide/web-acl-associating-aws-resource.html
# custom:
#   id: PAL-AWS-LB-006
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_lb, aws_alb, aws_wafv2_web_acl_association, aws_wafregional_web_acl_association, "module:terraform-aws-modules/alb/aws"]
#   references:
#     checkov: CKV2_AWS_28
#     kics: 0afa6ab8-a047-48cf-be07-93a2f8c34cf7
#   remediation: Associate a WAF web ACL with the load balancer (aws_wafv2_web_acl_association).
#   fixable: false
package palisade.aws.lb.alb_waf_missing

import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

association_types := {"aws_wafv2_web_acl_association", "aws_wafregional_web_acl_association"}

deny contains result.fail(r, [], msg) if {
	some r in input.resources
	r.type in {"aws_lb", "aws_alb"}
	object.get(r.config, "load_balancer_type", "application") == "application"
	unknown.is_false(object.get(r.config, "internal", false))
	not protected(r)
	msg := sprintf("%s is internet-facing and not protected by AWS WAF", [r.address])
}

# Opaque terraform-aws-modules/alb calls: internal defaults to false (internet-facing) and the
# module associates a web ACL only with associate_web_acl = true (v9 on; never before).
deny contains result.fail(m, ["associate_web_acl"], msg) if {
	some m in modules.application_load_balancers
	unknown.is_false(object.get(m.config, "internal", false))
	unknown.not_true(object.get(m.config, "associate_web_acl", null))
	not protected(m)
	msg := sprintf("%s is internet-facing and not protected by AWS WAF", [m.address])
}

protected(lb) if {
	some t in association_types
	count(tf.referencing(lb.address, t, ["resource_arn"])) > 0
}

# An association whose target Palisade cannot resolve may be this load balancer's.
protected(_) if {
	some t in association_types
	some a in tf.resources(t)
	unknown.is_unknown(tf.attr(a, ["resource_arn"]))
	count(tf.references_to(a, ["resource_arn"], "aws_lb")) == 0
	count(tf.references_to(a, ["resource_arn"], "aws_alb")) == 0
}
