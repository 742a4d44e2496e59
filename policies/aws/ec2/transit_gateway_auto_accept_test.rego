package palisade.aws.ec2.transit_gateway_auto_accept_test

import data.palisade.aws.ec2.transit_gateway_auto_accept as rule

tgw(config) := {"address": "aws_ec2_transit_gateway.hub", "type": "aws_ec2_transit_gateway", "name": "hub", "config": config, "references": []}

test_auto_accept_fires if {
	rule.deny == {{
		"msg": "aws_ec2_transit_gateway.hub accepts attachment requests from the accounts it is shared with automatically",
		"resource": "aws_ec2_transit_gateway.hub", "path": ["auto_accept_shared_attachments"],
		"fix": [{"op": "set", "path": ["auto_accept_shared_attachments"], "value": "disable"}],
	}} with input as {"resources": [tgw({"auto_accept_shared_attachments": "enable"})]}
}

test_disabled_default_or_unknown_passes if {
	count(rule.deny) == 0 with input as {"resources": [tgw({"auto_accept_shared_attachments": "disable"})]}
	count(rule.deny) == 0 with input as {"resources": [tgw({})]}
	count(rule.deny) == 0 with input as {"resources": [tgw({"auto_accept_shared_attachments": {"$unknown": "var.auto ? \"enable\" : \"disable\""}})]}
}

call(config) := {"address": "module.tgw", "source": "terraform-aws-modules/transit-gateway/aws", "version": "~> 2.0", "config": config}

test_opaque_call_turning_auto_accept_on_fires if {
	rule.deny == {{
		"msg": "module.tgw accepts attachment requests from the accounts it is shared with automatically",
		"resource": "module.tgw", "path": ["enable_auto_accept_shared_attachments"],
		"fix": [{"op": "set", "path": ["enable_auto_accept_shared_attachments"], "value": false}],
	}} with input as {"resources": [], "modules": [call({"enable_auto_accept_shared_attachments": true})]}
	count(rule.deny) == 1 with input as {"resources": [], "modules": [call({"auto_accept_shared_attachments": true})]}

	# Round 22: a "true" string (a variable default) converts to the bool input.
	count(rule.deny) == 1 with input as {"resources": [], "modules": [call({"enable_auto_accept_shared_attachments": "true"})]}
}

test_opaque_call_off_unset_or_not_created_passes if {
	count(rule.deny) == 0 with input as {"resources": [], "modules": [call({"enable_auto_accept_shared_attachments": false})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [call({"name": "hub"})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [call({"enable_auto_accept_shared_attachments": true, "create_tgw": false})]}
}
