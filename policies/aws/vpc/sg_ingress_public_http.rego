# METADATA
# title: Security group serves plain HTTP to the internet
# description: |
#   An ingress rule admits TCP port 80 from anywhere. Plain HTTP carries cookies, tokens and form
#   data unencrypted; internet-facing web services belong behind a load balancer or CloudFront that
#   terminates HTTPS, with port 80 at most redirecting there.
# related_resources:
#   - ref: https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html
# custom:
#   id: PAL-AWS-VPC-012
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_security_group, aws_default_security_group, aws_security_group_rule, aws_vpc_security_group_ingress_rule, "module:terraform-aws-modules/security-group/aws"]
#   references:
#     checkov: CKV_AWS_260
#     kics: ffac8a12-322e-42c1-b9b9-81ff85c39ef7
#   cwe: ["CWE-319"]
#   remediation: Serve HTTPS (443) instead, or restrict port 80 to the load balancer's security group.
#   fixable: false
package palisade.aws.vpc.sg_ingress_public_http

import data.palisade.lib.net
import data.palisade.lib.result
import data.palisade.lib.sg

# Advisory: port 80 open only to redirect to HTTPS is common. Rules open on every port are
# reported by sg_ingress_public_all_ports. Placed on the group: it is the group that serves HTTP.
warn contains result.fail(entry.resource, [], msg) if {
	some [entry, cidrs] in sg.public_ingress
	net.covers_port(entry.protocol, entry.from, entry.to, 80)
	not net.all_ports(entry.protocol, entry.from, entry.to)
	some cidr in cidrs
	msg := sprintf("%s serves plain HTTP (port 80) to %s", [entry.resource.address, cidr.value])
}
