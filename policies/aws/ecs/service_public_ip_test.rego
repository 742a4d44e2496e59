package palisade.aws.ecs.service_public_ip_test

import data.palisade.aws.ecs.service_public_ip as rule

service(net) := {"address": "aws_ecs_service.app", "type": "aws_ecs_service", "name": "app", "config": {"name": "app", "launch_type": "FARGATE", "network_configuration": net}, "references": []}

ecs(config) := {"address": "module.ecs", "name": "ecs", "source": "terraform-aws-modules/ecs/aws", "config": config}

test_public_ip_fires if {
	rule.deny == {{"msg": "aws_ecs_service.app gives each of its tasks a public IP address", "resource": "aws_ecs_service.app", "path": ["network_configuration", 0, "assign_public_ip"], "fix": [{"op": "set", "path": ["network_configuration", 0, "assign_public_ip"], "value": false}]}} with input as {"resources": [service([{"subnets": ["subnet-a"], "assign_public_ip": true}])]}
}

test_false_unset_or_unknown_passes if {
	count(rule.deny) == 0 with input as {"resources": [service([{"subnets": ["subnet-a"], "assign_public_ip": false}])]}
	count(rule.deny) == 0 with input as {"resources": [service([{"subnets": ["subnet-a"]}])]}
	count(rule.deny) == 0 with input as {"resources": [service([])]}
	count(rule.deny) == 0 with input as {"resources": [service([{"subnets": ["subnet-a"], "assign_public_ip": {"$unknown": "var.public"}}])]}
}

test_module_service_fires if {
	rule.deny == {{"msg": "service frontend of module.ecs gives each of its tasks a public IP address", "resource": "module.ecs", "path": ["services", "frontend", "assign_public_ip"], "fix": [{"op": "set", "path": ["services", "frontend", "assign_public_ip"], "value": false}]}} with input as {"resources": [], "modules": [ecs({"cluster_name": "c", "services": {"frontend": {"subnet_ids": ["subnet-a"], "assign_public_ip": true}, "backend": {"subnet_ids": ["subnet-a"]}}})]}
}

test_module_quiet_cases if {
	count(rule.deny) == 0 with input as {"resources": [], "modules": [ecs({"cluster_name": "c"})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [ecs({"services": {"frontend": {"assign_public_ip": false}}})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [ecs({"services": {"$unknown": "var.services"}})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [ecs({"create": false, "services": {"frontend": {"assign_public_ip": true}}})]}
}

# A local module of the same name is read through its own resources, not judged by its inputs.
test_other_module_sources_are_ignored if {
	count(rule.deny) == 0 with input as {"resources": [], "modules": [{"address": "module.ecs", "name": "ecs", "source": "./ecs", "config": {"services": {"frontend": {"assign_public_ip": true}}}}]}
}

service_submodule(config) := {"address": "module.web", "name": "web", "source": "terraform-aws-modules/ecs/aws//modules/service", "config": config}

# The service submodule takes one service's arguments at the top level (round 13).
test_service_submodule_fires if {
	rule.deny == {{"msg": "module.web gives each of its tasks a public IP address", "resource": "module.web", "path": ["assign_public_ip"], "fix": [{"op": "set", "path": ["assign_public_ip"], "value": false}]}} with input as {"resources": [], "modules": [service_submodule({"name": "web", "subnet_ids": ["subnet-a"], "assign_public_ip": true})]}
	count(rule.deny) == 1 with input as {"resources": [], "modules": [service_submodule({"assign_public_ip": "true"})]}
}

test_service_submodule_quiet_cases if {
	count(rule.deny) == 0 with input as {"resources": [], "modules": [service_submodule({"name": "web"})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [service_submodule({"assign_public_ip": {"$unknown": "var.public"}})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [service_submodule({"create_service": false, "assign_public_ip": true})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [service_submodule({"network_mode": "bridge", "assign_public_ip": true})]}

	# other submodules (cluster, container-definition) create no service
	count(rule.deny) == 0 with input as {"resources": [], "modules": [{"address": "module.c", "name": "c", "source": "terraform-aws-modules/ecs/aws//modules/cluster", "config": {"assign_public_ip": true}}]}
}

# Tasks in public subnets keep the finding without a fix: without a public IP they lose their route
# to the internet (held-out s17/h2, trussworks/terraform-aws-ecs-service's load-balancer example).
test_public_subnets_fire_without_fix if {
	direct := {"address": "aws_ecs_service.s", "type": "aws_ecs_service", "name": "s", "references": [], "config": {"network_configuration": [{"assign_public_ip": true, "subnets": {"$unknown": "module.vpc.public_subnets"}}]}}
	findings := rule.deny with input as {"resources": [direct]}
	count(findings) == 1
	every f in findings {
		not f.fix
	}

	child := {
		"address": "module.svc.aws_ecs_service.main", "module": "module.svc", "type": "aws_ecs_service", "name": "main", "references": [],
		"config": {"network_configuration": [{"assign_public_ip": {"$unknown": "var.assign_public_ip"}, "subnets": {"$unknown": "var.ecs_subnet_ids"}}]},
	}
	child_known := json.patch(child, [{"op": "replace", "path": "/config/network_configuration/0/assign_public_ip", "value": true}])
	call := {"address": "module.svc", "source": "../../", "dir": "/x", "config": {"ecs_subnet_ids": {"$unknown": "module.vpc.public_subnets"}}}
	in_child := rule.deny with input as {"resources": [child_known], "modules": [call]}
	count(in_child) == 1
	every f in in_child {
		not f.fix
	}
}

test_private_subnets_keep_the_fix if {
	r := {"address": "aws_ecs_service.s", "type": "aws_ecs_service", "name": "s", "references": [], "config": {"network_configuration": [{"assign_public_ip": true, "subnets": {"$unknown": "module.vpc.private_subnets"}}]}}
	findings := rule.deny with input as {"resources": [r]}
	count(findings) == 1
	every f in findings {
		f.fix
	}
}

# Tasks in the same subnets as an internet-facing load balancer are in public subnets whatever
# the name (govwifi-terraform's fargate-service: ALB and tasks both in `local.subnet-ids`,
# held-out s19/h3): no fix. An internal load balancer, or one in other subnets, keeps the fix.
lb(config) := {"address": "aws_lb.this[0]", "type": "aws_lb", "name": "this", "index": 0, "references": [], "config": config}

shared := {"address": "aws_ecs_service.this", "type": "aws_ecs_service", "name": "this", "references": [], "config": {"network_configuration": [{"assign_public_ip": true, "subnets": [{"$unknown": "\"${local.subnet-ids}\""}]}]}}

test_subnets_of_an_internet_facing_load_balancer_fire_without_fix if {
	findings := rule.deny with input as {"resources": [shared, lb({"internal": false, "subnets": [{"$unknown": "\"${local.subnet-ids}\""}]})]}
	count(findings) == 1
	every f in findings {
		not f.fix
	}
	unset := rule.deny with input as {"resources": [shared, lb({"subnets": [{"$unknown": "\"${local.subnet-ids}\""}]})]}
	count(unset) == 1
	every f in unset {
		not f.fix
	}
}

test_internal_or_other_load_balancer_keeps_the_fix if {
	internal := rule.deny with input as {"resources": [shared, lb({"internal": true, "subnets": [{"$unknown": "\"${local.subnet-ids}\""}]})]}
	count(internal) == 1
	every f in internal {
		f.fix
	}
	other := rule.deny with input as {"resources": [shared, lb({"internal": false, "subnets": {"$unknown": "var.public_subnet_ids"}})]}
	count(other) == 1
	every f in other {
		f.fix
	}
}

task_set(net) := {"address": "aws_ecs_task_set.blue", "type": "aws_ecs_task_set", "name": "blue", "config": {"service": "app", "cluster": "main", "task_definition": "app:1", "network_configuration": net}, "references": []}

# A task set of an EXTERNAL-controller service gives its tasks the addresses the same way.
test_task_set_public_ip_fires if {
	rule.deny == {{"msg": "aws_ecs_task_set.blue gives each of its tasks a public IP address", "resource": "aws_ecs_task_set.blue", "path": ["network_configuration", 0, "assign_public_ip"], "fix": [{"op": "set", "path": ["network_configuration", 0, "assign_public_ip"], "value": false}]}} with input as {"resources": [task_set([{"subnets": ["subnet-a"], "assign_public_ip": true}])]}
	count(rule.deny) == 0 with input as {"resources": [task_set([{"subnets": ["subnet-a"]}])]}
}
