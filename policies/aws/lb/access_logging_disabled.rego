# METADATA
# title: Load balancer access logging is not enabled
# description: |
#   Access logs are the only record of each request a load balancer received: client address, path,
#   TLS cipher and response. Without them an attack through the load balancer cannot be investigated
#   afterwards. On aws_lb / aws_alb an access_logs block without enabled = true does not log: the
#   provider's default for enabled is false there, bucket or not. A network load balancer logs only
#   the connections of its TLS listeners, so it is checked when one of its listeners uses TLS.
# related_resources:
#   - ref: https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-access-logs.html
#   - ref: https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/access-log-collection.html
# custom:
#   id: PAL-AWS-LB-005
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_elb, aws_lb, aws_alb, "module:terraform-aws-modules/elb/aws", "module:terraform-aws-modules/alb/aws"]
#   frameworks:
#     pci-dss-4.0: ["10.2.1"]
#   references:
#     checkov: [CKV_AWS_91, CKV_AWS_92]
#     kics: [20018359-6fd7-4d05-ab26-d4dffccbdf79, 3e34db4f-0ad9-4290-bfd0-4a9ee884acaf]
#   cwe: ["CWE-778"]
#   remediation: Add an access_logs block with a bucket and enabled = true.
#   fixable: false
package palisade.aws.lb.access_logging_disabled

import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

# Classic load balancers, application load balancers, and network load balancers with a TLS listener.
logging_types := {"aws_elb", "aws_lb", "aws_alb"}

deny contains result.fail(r, ["access_logs"], msg) if {
	some r in input.resources
	applies(r)
	tf.missing_attr(r, ["access_logs"])
	msg := sprintf("%s does not write access logs", [r.address])
}

deny contains result.fail(r, ["access_logs", i, "enabled"], msg) if {
	some r in input.resources
	applies(r)
	some i, b in tf.blocks(r, "access_logs")
	unknown.is_false(object.get(b, "enabled", true))
	msg := sprintf("%s does not write access logs", [r.address])
}

# An access_logs block on an application load balancer logs only with enabled = true: for aws_lb /
# aws_alb the provider defaults enabled to false even when a bucket is named (classic aws_elb
# defaults it to true).
deny contains result.fail(r, ["access_logs", i], msg) if {
	some r in input.resources
	r.type in {"aws_lb", "aws_alb"}
	applies(r)
	some i, b in tf.blocks(r, "access_logs")
	object.get(b, "enabled", null) == null
	msg := sprintf("%s names an access log bucket but does not set enabled = true", [r.address])
}

# The registry module terraform-aws-modules/elb/aws takes access_logs as a map argument; with
# create_elb = false it creates no load balancer (round 22).
deny contains result.fail(m, ["access_logs"], msg) if {
	some m in modules.opaque_calls("elb")
	modules.creates(m, ["create_elb"])
	not "access_logs" in object.keys(m.config)
	msg := sprintf("%s does not write access logs", [m.address])
}

deny contains result.fail(m, ["access_logs", "enabled"], msg) if {
	some m in modules.opaque_calls("elb")
	modules.creates(m, ["create_elb"])
	unknown.is_false(object.get(m.config, ["access_logs", "enabled"], true))
	msg := sprintf("%s does not write access logs", [m.address])
}

# Opaque terraform-aws-modules/alb calls of application load balancers: access_logs (default null
# or {} in every major) becomes the access_logs block; from v9 its enabled defaults to true.
deny contains result.fail(m, ["access_logs"], msg) if {
	some m in modules.application_load_balancers
	object.get(m.config, "access_logs", null) in {null, {}}
	msg := sprintf("%s does not write access logs", [m.address])
}

deny contains result.fail(m, ["access_logs", "enabled"], msg) if {
	some m in modules.application_load_balancers
	unknown.is_false(m.config.access_logs.enabled)
	msg := sprintf("%s does not write access logs", [m.address])
}

applies(r) if r.type in {"aws_elb", "aws_alb"}

applies(r) if {
	r.type == "aws_lb"
	object.get(r.config, "load_balancer_type", "application") == "application"
}

# Network load balancers write access logs for TLS listeners only: in scope once one terminates TLS.
applies(r) if {
	r.type == "aws_lb"
	r.config.load_balancer_type == "network"
	some listener in tf.referencing(r.address, "aws_lb_listener", ["load_balancer_arn"])

	# The provider upper-cases the listener protocol, so "tls" is TLS too.
	upper(unknown.known_string(listener.config.protocol)) == "TLS"
}
