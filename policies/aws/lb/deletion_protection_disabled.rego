# METADATA
# title: Load balancer deletion protection is not enabled
# description: |
#   Without deletion protection an accidental destroy or rename removes the load balancer and its
#   DNS name, taking the service offline until it is recreated and DNS is updated.
# related_resources:
#   - ref: https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html#deletion-protection
# custom:
#   id: PAL-AWS-LB-003
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_lb, aws_alb, "module:terraform-aws-modules/alb/aws"]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_150
#     kics: afecd1f1-6378-4f7e-bb3b-60c35801fdd4
#   remediation: Set enable_deletion_protection = true.
#   fixable: true
package palisade.aws.lb.deletion_protection_disabled

import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.unknown

types := {"aws_lb", "aws_alb"}

deny contains result.fail_fix(r, ["enable_deletion_protection"], msg, [result.set(["enable_deletion_protection"], true)]) if {
	some r in input.resources
	r.type in types
	bad(object.get(r.config, "enable_deletion_protection", null))
	msg := sprintf("%s does not have deletion protection enabled", [r.address])
}

# The registry module terraform-aws-modules/alb/aws: its default is true from 9.0 and false
# before, so unset is reported only when the call pins an older major version.
deny contains result.fail_fix(m, ["enable_deletion_protection"], msg, [result.set(["enable_deletion_protection"], true)]) if {
	some m in modules.load_balancers
	module_off(m, object.get(m.config, "enable_deletion_protection", null))
	msg := sprintf("%s does not have deletion protection enabled", [m.address])
}

bad(null) := true

bad(v) if unknown.is_false(v)

module_off(_, v) if unknown.is_false(v)

module_off(m, null) if modules.pinned_below(m, 9)
