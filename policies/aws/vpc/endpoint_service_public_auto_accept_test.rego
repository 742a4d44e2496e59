package palisade.aws.vpc.endpoint_service_public_auto_accept_test

import data.palisade.aws.vpc.endpoint_service_public_auto_accept as rule

service(config) := {
	"address": "aws_vpc_endpoint_service.api", "type": "aws_vpc_endpoint_service", "name": "api", "references": [],
	"config": object.union({"network_load_balancer_arns": ["arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/net/api/1"]}, config),
}

allowed(principal, target) := {
	"address": "aws_vpc_endpoint_service_allowed_principal.p", "type": "aws_vpc_endpoint_service_allowed_principal", "name": "p",
	"references": [{"path": ["vpc_endpoint_service_id"], "target": target}],
	"config": {"vpc_endpoint_service_id": {"$unknown": "aws_vpc_endpoint_service.api.id"}, "principal_arn": principal},
}

test_everyone_auto_accepted_fires_with_fix if {
	some f in rule.deny with input as {"resources": [service({"acceptance_required": false, "allowed_principals": ["*"]})]}
	f.resource == "aws_vpc_endpoint_service.api"
	f.path == ["acceptance_required"]
	f.fix[0].value == true
}

test_allowed_principal_resource_fires if {
	count(rule.deny) == 1 with input as {"resources": [service({"acceptance_required": "false"}), allowed("*", "aws_vpc_endpoint_service.api")]}
}

test_manual_acceptance_or_named_principals_pass if {
	count(rule.deny) == 0 with input as {"resources": [service({"acceptance_required": true, "allowed_principals": ["*"]})]}
	count(rule.deny) == 0 with input as {"resources": [service({"acceptance_required": false, "allowed_principals": ["arn:aws:iam::444455556666:root"]})]}
	count(rule.deny) == 0 with input as {"resources": [service({"acceptance_required": false}), allowed("arn:aws:iam::444455556666:root", "aws_vpc_endpoint_service.api")]}
	count(rule.deny) == 0 with input as {"resources": [service({"acceptance_required": false}), allowed("*", "aws_vpc_endpoint_service.other")]}
}

test_unknowns_pass if {
	count(rule.deny) == 0 with input as {"resources": [service({"acceptance_required": {"$unknown": "var.accept"}, "allowed_principals": ["*"]})]}
	count(rule.deny) == 0 with input as {"resources": [service({"acceptance_required": false, "allowed_principals": {"$unknown": "var.principals"}})]}
}

test_both_grants_one_finding if {
	count(rule.deny) == 1 with input as {"resources": [service({"acceptance_required": false, "allowed_principals": ["*"]}), allowed("*", "aws_vpc_endpoint_service.api")]}
}

# Review of session 22 (vpce-fail-sharedvar2): a false read from a variable may be shared with
# another endpoint service whose named principals the author wants accepted automatically, and a
# changed default (or caller argument) would make that service wait for manual acceptance too,
# which the verification cannot see. The fix is marked as derived from the block's own
# acceptance_required and allowed_principals, so the fix layer renders it only where both are
# literal and never moves it to a variable's default or a module call.
test_fix_is_made_only_in_a_literal_block if {
	some f in rule.deny with input as {"resources": [service({"acceptance_required": false, "allowed_principals": ["*"]})]}
	f.fix[0].derived_from == [["acceptance_required"], ["allowed_principals"]]
}
