# METADATA
# title: Classic load balancer drops in-flight requests when an instance leaves (no connection draining)
# description: |
#   connection_draining is false unless set: when an instance is deregistered or fails its health
#   check, a Classic Load Balancer closes the connections it has open to that instance at once, and
#   the requests in flight fail. Every deployment, scale-in or instance replacement then breaks
#   some client requests. With connection draining the load balancer stops sending new requests to
#   the instance and lets open ones finish, up to connection_draining_timeout (300 seconds unless
#   set). AWS Security Hub (ELB.7) asks for it on every Classic Load Balancer. Opaque
#   terraform-aws-modules/elb calls are judged by their connection_draining input (false unless
#   set).
# related_resources:
#   - ref: https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/config-conn-drain.html
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/elb-controls.html#elb-7
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/elb#connection_draining
# custom:
#   id: PAL-AWS-LB-009
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_elb, "module:terraform-aws-modules/elb/aws"]
#   frameworks: {}
#   references: {}
#   remediation: Set connection_draining = true (and connection_draining_timeout to the longest request the application serves).
#   fixable: true
package palisade.aws.lb.classic_connection_draining_disabled

# The fix sets connection_draining = true and leaves the timeout to its default (300 seconds) or
# to the value already written: how long a request may take is the application's.

import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

path := ["connection_draining"]

deny contains finding(r) if {
	some r in tf.resources("aws_elb")
	off(object.get(r.config, path, null))
}

deny contains finding(m) if {
	some m in modules.opaque_calls("elb")
	modules.creates(m, ["create_elb"])
	off(object.get(m.config, path, null))
}

off(null)

off(v) if unknown.is_false(v)

finding(r) := result.fail_fix(r, path, msg, [result.set(path, true)]) if {
	msg := sprintf("%s does not drain connections from instances that leave it", [r.address])
}
