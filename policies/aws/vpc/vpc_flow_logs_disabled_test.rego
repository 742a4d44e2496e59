package palisade.aws.vpc.vpc_flow_logs_disabled_test

import data.palisade.aws.vpc.vpc_flow_logs_disabled as rule

vpc := {"address": "aws_vpc.main", "type": "aws_vpc", "name": "main", "config": {"cidr_block": "10.0.0.0/16"}, "references": []}

flow(vpc_id, refs) := {"address": "aws_flow_log.main", "type": "aws_flow_log", "name": "main", "config": {"vpc_id": vpc_id, "traffic_type": "ALL"}, "references": refs}

test_missing_flow_log_fires if {
	rule.deny == {{"msg": "aws_vpc.main has no flow log", "resource": "aws_vpc.main", "path": []}} with input as {"resources": [vpc]}
}

test_flow_log_passes if {
	f := flow({"$unknown": "aws_vpc.main.id"}, [{"path": ["vpc_id"], "target": "aws_vpc.main", "attribute": "id"}])
	count(rule.deny) == 0 with input as {"resources": [vpc, f]}
}

test_unresolvable_flow_log_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [vpc, flow({"$unknown": "var.vpc_id"}, [])]}
}

call(config) := {"address": "module.vpc", "source": "terraform-aws-modules/vpc/aws", "config": config}

test_opaque_module_without_flow_log_fires if {
	rule.deny == {{"msg": "module.vpc has no flow log", "resource": "module.vpc", "path": ["enable_flow_log"]}} with input as {"resources": [], "modules": [call({"cidr": "10.0.0.0/16"})]}
	count(rule.deny) == 1 with input as {"resources": [], "modules": [call({"enable_flow_log": false})]}
}

test_opaque_module_with_flow_log_here_or_elsewhere_passes if {
	count(rule.deny) == 0 with input as {"resources": [], "modules": [call({"enable_flow_log": true})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [call({"enable_flow_log": {"$unknown": "var.logs"}})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [call({"create_vpc": false})]}
	flow := {"address": "aws_flow_log.vpc", "type": "aws_flow_log", "name": "vpc", "config": {"vpc_id": {"$unknown": "module.vpc.vpc_id"}}, "references": [{"path": ["vpc_id"], "target": "module.vpc", "attribute": "vpc_id"}]}
	count(rule.deny) == 0 with input as {"resources": [flow], "modules": [call({})]}
	sub := {"address": "module.flow", "source": "terraform-aws-modules/vpc/aws//modules/flow-log", "config": {"vpc_id": {"$unknown": "module.vpc.vpc_id"}}}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [call({}), sub]}
	unresolved := {"address": "module.flow", "source": "terraform-aws-modules/vpc/aws//modules/flow-log", "config": {"vpc_id": {"$unknown": "var.vpc_id"}}}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [call({}), unresolved]}
}
