# METADATA
# title: Classic load balancer listener accepts plain HTTP
# description: |
#   A classic load balancer (aws_elb) listener with lb_protocol HTTP takes client requests
#   unencrypted: credentials, session cookies and data can be read or altered on the network
#   path. A classic load balancer cannot redirect, so an HTTP listener serves whatever the
#   instances answer, and the first request (cookies included) has already crossed in clear;
#   AWS Security Hub ELB.3 and the AWS Config rule elb-tls-https-listeners-only require HTTPS or
#   SSL listeners. TCP listeners are left alone: they may pass TLS through to the instances.
#   Opaque terraform-aws-modules/elb calls are judged by each entry of their `listener` list.
# related_resources:
#   - ref: https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/elb-listener-config.html
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/elb-controls.html
# custom:
#   id: PAL-AWS-LB-013
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_elb, "module:terraform-aws-modules/elb/aws"]
#   frameworks: {}
#   references: {}
#   cwe: ["CWE-319"]
#   remediation: Listen with HTTPS or SSL and an ssl_certificate_id; clients still arriving over HTTP need an ALB to redirect them.
#   fixable: false
package palisade.aws.lb.classic_http_listener

# No fix: an HTTPS listener needs a certificate (ACM or IAM) only the owner can name.

import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

deny contains result.fail(r, ["listener", i, "lb_protocol"], msg(r.address, listener)) if {
	some r in tf.resources("aws_elb")
	some i, listener in tf.blocks(r, "listener")
	plain_http(listener)
}

# terraform-aws-modules/elb (and its elb submodule): `listener` is a list of maps that the module
# turns into listener blocks one for one.
deny contains result.fail(m, ["listener", i, "lb_protocol"], msg(m.address, listener)) if {
	some m in modules.opaque_calls("elb")
	modules.creates(m, ["create_elb"])
	some i, listener in unknown.items(object.get(m.config, "listener", null))
	is_object(listener)
	plain_http(listener)
}

# The provider accepts the protocol in any case (HTTP, http).
plain_http(listener) if upper(unknown.known_string(object.get(listener, "lb_protocol", null))) == "HTTP"

msg(address, listener) := sprintf("%s accepts plain HTTP on port %v", [address, listener.lb_port]) if {
	unknown.known(listener.lb_port)
} else := sprintf("%s has a listener that accepts plain HTTP", [address])
