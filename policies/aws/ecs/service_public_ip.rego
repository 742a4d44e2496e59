# METADATA
# title: ECS service assigns public IP addresses to its tasks
# description: |
#   With assign_public_ip = true in the service's network_configuration (awsvpc network mode,
#   Fargate or EC2) every task gets its own public IPv4 address, so each container is reachable
#   from the internet directly, past any load balancer in front of the service, with only the
#   task's security groups in the way. Tasks in private subnets reach the internet (image pulls
#   included) through a NAT gateway or VPC endpoints instead; a service that must be public is
#   published through a load balancer. Opaque terraform-aws-modules/ecs calls are judged by each
#   entry of their `services` map, calls of its service submodule (//modules/service) by their
#   own assign_public_ip. A task set (aws_ecs_task_set, the tasks of a service under the EXTERNAL
#   deployment controller) carries the same network_configuration and is judged the same way.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-task-networking.html
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-2
# custom:
#   id: PAL-AWS-ECS-004
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_ecs_service, aws_ecs_task_set, "module:terraform-aws-modules/ecs/aws", "module:terraform-aws-modules/ecs/aws//modules/service"]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_333
#     kics: bafe7989-3c4b-47f0-910b-e6e1cba7f146
#   cwe: ["CWE-668"]
#   remediation: Set assign_public_ip = false; run the tasks in private subnets (NAT gateway or VPC endpoints) and publish the service through a load balancer.
#   fixable: true
package palisade.aws.ecs.service_public_ip

import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

# A task set takes the network configuration of its own tasks (CreateTaskSet), so assign_public_ip
# there gives them public addresses just as on the service (HashiCorp policy library round 27).
types := {"aws_ecs_service", "aws_ecs_task_set"}

deny contains result.fail_fix(r, path, msg, [result.set(path, false)]) if {
	some r in input.resources
	r.type in types
	some i, b in tf.blocks(r, "network_configuration")
	unknown.is_true(object.get(b, "assign_public_ip", false))
	not in_public_subnets(r, b)
	path := ["network_configuration", i, "assign_public_ip"]
	msg := sprintf("%s gives each of its tasks a public IP address", [r.address])
}

deny contains result.fail(r, path, msg) if {
	some r in input.resources
	r.type in types
	some i, b in tf.blocks(r, "network_configuration")
	unknown.is_true(object.get(b, "assign_public_ip", false))
	in_public_subnets(r, b)
	path := ["network_configuration", i, "assign_public_ip"]
	msg := sprintf("%s gives each of its tasks a public IP address (in public subnets: move the tasks to private ones first)", [r.address])
}

# The module creates one service per entry of `services`, passing assign_public_ip (default
# false) to it; unknown maps and entries are left out.
deny contains result.fail_fix(m, path, msg, [result.set(path, false)]) if {
	some m in modules.opaque_calls("ecs")
	modules.creates(m, ["create"])
	services := object.get(m.config, "services", {})
	is_object(services)
	not unknown.is_unknown(services)
	some key, service in services
	is_object(service)
	unknown.is_true(object.get(service, "assign_public_ip", false))
	path := ["services", key, "assign_public_ip"]
	msg := sprintf("service %s of %s gives each of its tasks a public IP address", [key, m.address])
}

# The service submodule (terraform-aws-modules/ecs/aws//modules/service), the common way to add one
# service to an existing cluster: it creates the aws_ecs_service with create and create_service
# (both default true) and gives it network_configuration.assign_public_ip = var.assign_public_ip
# (default false) in the awsvpc network mode, its default.
deny contains result.fail_fix(m, ["assign_public_ip"], msg, [result.set(["assign_public_ip"], false)]) if {
	some m in modules.submodule_calls("ecs", "service")
	modules.creates(m, ["create", "create_service"])
	object.get(m.config, "network_mode", "awsvpc") == "awsvpc"
	unknown.is_true(object.get(m.config, "assign_public_ip", false))
	msg := sprintf("%s gives each of its tasks a public IP address", [m.address])
}

# No fix for tasks in subnets named public (`module.vpc.public_subnets`, here or passed in by the
# module's caller: trussworks/terraform-aws-ecs-service's load-balancer example, held-out s17/h2).
# A task in a public subnet reaches the internet only through its public IP (an internet gateway
# translates no other address), so without one it could no longer pull its image or reach ECR
# and CloudWatch Logs, unless VPC endpoints serve them (Amazon ECS developer guide, Fargate task
# networking). Moving the service to private subnets is the remedy, not this flag.
in_public_subnets(r, b) if {
	some expr in subnet_exprs(r, object.get(b, "subnets", null))
	regex.match(`(?i)public`, expr)
}

# Nor for tasks placed in the very subnets (the same expression) as an internet-facing load
# balancer of the module: such a load balancer needs subnets routed to an internet gateway, so
# those subnets are public whatever they are called (alphagov/govwifi-terraform's fargate-service
# puts its ALB and its tasks in `local.subnet-ids`, "all public subnets in the provided VPC";
# held-out s19/h3).
in_public_subnets(r, b) if {
	service_exprs := modules.unknown_exprs(object.get(b, "subnets", null))
	count(service_exprs) > 0
	some lb in array.concat(tf.resources("aws_lb"), tf.resources("aws_alb"))
	object.get(lb, "module", "") == object.get(r, "module", "")
	object.get(lb.config, "internal", false) == false
	some e in modules.unknown_exprs(object.get(lb.config, "subnets", null))
	e in service_exprs
}

subnet_exprs(r, v) := modules.unknown_exprs(v) | {e | some cv in modules.caller_values(r, v); some e in modules.unknown_exprs(cv.value)}
