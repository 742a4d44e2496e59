package palisade.aws.vpc.vpc_flow_logs_disabled_test

import data.palisade.aws.vpc.vpc_flow_logs_disabled as rule

vpc := {"address": "aws_vpc.main", "type": "aws_vpc", "name": "main", "config": {"cidr_block": "10.0.0.0/16"}, "references": []}

flow(vpc_id, refs) := {"address": "aws_flow_log.main", "type": "aws_flow_log", "name": "main", "config": {"vpc_id": vpc_id, "traffic_type": "ALL"}, "references": refs}

test_missing_flow_log_fires if {
	{[f.msg, f.resource, f.path] | some f in rule.deny} == {["aws_vpc.main has no flow log", "aws_vpc.main", []]} with input as {"resources": [vpc]}
}

test_flow_log_passes if {
	f := flow({"$unknown": "aws_vpc.main.id"}, [{"path": ["vpc_id"], "target": "aws_vpc.main", "attribute": "id"}])
	count(rule.deny) == 0 with input as {"resources": [vpc, f]}
}

test_unresolvable_flow_log_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [vpc, flow({"$unknown": "var.vpc_id"}, [])]}
}

# Vendor examples (HashiCorp's FSBP EC2.6 tests): an ACCEPT-only flow log, and a managed default
# VPC without one.
test_accept_only_flow_log_fires_on_traffic_type if {
	f := object.union(flow({"$unknown": "aws_vpc.main.id"}, [{"path": ["vpc_id"], "target": "aws_vpc.main", "attribute": "id"}]), {"config": {"vpc_id": {"$unknown": "aws_vpc.main.id"}, "traffic_type": "ACCEPT"}})
	{[x.msg, x.resource, x.path, x.fix] | some x in rule.deny} == {["aws_flow_log.main logs only accepted traffic of aws_vpc.main, not the rejected connections scans show up as (use REJECT or ALL)", "aws_flow_log.main", ["traffic_type"], [{"op": "set", "path": ["traffic_type"], "value": "ALL"}]]} with input as {"resources": [vpc, f]}
}

test_accept_and_reject_flow_logs_pass if {
	refs := [{"path": ["vpc_id"], "target": "aws_vpc.main", "attribute": "id"}]
	accept := object.union(flow({"$unknown": "x"}, refs), {"address": "aws_flow_log.accept", "name": "accept", "config": {"vpc_id": {"$unknown": "x"}, "traffic_type": "ACCEPT"}})
	reject := object.union(flow({"$unknown": "x"}, refs), {"address": "aws_flow_log.reject", "name": "reject", "config": {"vpc_id": {"$unknown": "x"}, "traffic_type": "REJECT"}})
	count(rule.deny) == 0 with input as {"resources": [vpc, accept, reject]}
}

test_unknown_traffic_type_passes if {
	f := object.union(flow({"$unknown": "x"}, [{"path": ["vpc_id"], "target": "aws_vpc.main", "attribute": "id"}]), {"config": {"vpc_id": {"$unknown": "x"}, "traffic_type": {"$unknown": "var.t"}}})
	count(rule.deny) == 0 with input as {"resources": [vpc, f]}
}

test_default_vpc_without_flow_log_fires if {
	d := {"address": "aws_default_vpc.this", "type": "aws_default_vpc", "name": "this", "config": {}, "references": []}
	{[f.msg, f.resource, f.path] | some f in rule.deny} == {["aws_default_vpc.this has no flow log", "aws_default_vpc.this", []]} with input as {"resources": [d]}
}

test_default_vpc_with_flow_log_passes if {
	d := {"address": "aws_default_vpc.this", "type": "aws_default_vpc", "name": "this", "config": {}, "references": []}
	f := flow({"$unknown": "x"}, [{"path": ["vpc_id"], "target": "aws_default_vpc.this", "attribute": "id"}])
	count(rule.deny) == 0 with input as {"resources": [d, f]}
}

# A flow log of another VPC of the module does not make the default VPC's unknown.
test_default_vpc_reported_beside_other_vpcs_flow_log if {
	d := {"address": "aws_default_vpc.this", "type": "aws_default_vpc", "name": "this", "config": {}, "references": []}
	f := flow({"$unknown": "x"}, [{"path": ["vpc_id"], "target": "aws_vpc.main", "attribute": "id"}])
	{x.resource | some x in rule.deny} == {"aws_default_vpc.this"} with input as {"resources": [vpc, d, f]}
}

call(config) := {"address": "module.vpc", "source": "terraform-aws-modules/vpc/aws", "config": config}

test_opaque_module_without_flow_log_fires if {
	{[f.msg, f.resource, f.path] | some f in rule.deny} == {["module.vpc has no flow log", "module.vpc", ["enable_flow_log"]]} with input as {"resources": [], "modules": [call({"cidr": "10.0.0.0/16"})]}
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

# A vpc call and its flow-log submodule call inside one local module: the submodule's vpc_id text
# is relative to that module (module.vpc.vpc_id names module.net.module.vpc).
test_nested_flow_log_call_names_the_vpc_of_its_module if {
	vpc := object.union(call({}), {"address": "module.net.module.vpc"})
	sub := {"address": "module.net.module.flow", "source": "terraform-aws-modules/vpc/aws//modules/flow-log", "config": {"vpc_id": {"$unknown": "module.vpc.vpc_id"}}}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [vpc, sub]}
	elsewhere := object.union(sub, {"address": "module.other.module.flow"})
	count(rule.deny) == 1 with input as {"resources": [], "modules": [vpc, elsewhere]}
}

# The fix: a flow log of ALL traffic to a new log group, through a role only this account's flow
# logs service may assume and that may write to that group only.
test_fix_adds_a_flow_log_with_its_role if {
	vpc := {"address": "aws_vpc.main", "type": "aws_vpc", "name": "main", "config": {"cidr_block": "10.0.0.0/16"}, "references": []}
	some f in rule.deny with input as {"resources": [vpc]}
	types := {op.type | some op in f.fix; op.op == "add_resource"}
	types == {"aws_flow_log", "aws_iam_role", "aws_iam_role_policy", "aws_cloudwatch_log_group", "aws_kms_key"}
	some log in f.fix
	log.type == "aws_flow_log"
	log.config.traffic_type == "ALL"
}

test_no_fix_for_a_counted_vpc if {
	vpc := {"address": "aws_vpc.main[0]", "type": "aws_vpc", "name": "main", "index": 0, "config": {"cidr_block": "10.0.0.0/16"}, "references": []}
	some f in rule.deny with input as {"resources": [vpc]}
	not f.fix
}

# A VPC counted by an unknown count (`count = var.create ? 1 : 0`) is one model resource marked
# unexpanded at the plain address; the new flow log's `vpc_id = aws_vpc.main.id` would be refused
# by Terraform ("Missing resource instance key").
test_no_fix_for_an_unexpanded_vpc if {
	some f in rule.deny with input as {"resources": [object.union(vpc, {"unexpanded": true})]}
	not f.fix
}

# The module's own flow log, log group (kept one year) and role, when the call leaves the
# destination to the module; a call that chose S3, or one held below v3, gets none.
test_module_fix_turns_on_the_modules_flow_log if {
	some f in rule.deny with input as {"resources": [], "modules": [call({"enable_flow_log": false})]}
	{[op.path[0], op.value] | some op in f.fix} == {
		["enable_flow_log", true], ["create_flow_log_cloudwatch_log_group", true],
		["create_flow_log_cloudwatch_iam_role", true], ["flow_log_cloudwatch_log_group_retention_in_days", 365],
	}
	some g in rule.deny with input as {"resources": [], "modules": [call({"flow_log_destination_type": "s3"})]}
	not g.fix
	v1 := object.union(call({}), {"version": "2.77.0"})
	some h in rule.deny with input as {"resources": [], "modules": [v1]}
	not h.fix
}
