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

control(config) := {"address": "aws_securityhub_standards_control.ec2_23", "type": "aws_securityhub_standards_control", "name": "ec2_23", "config": config, "references": []}

fsbp_ec2_23 := "arn:aws:securityhub:eu-west-2:111122223333:control/aws-foundational-security-best-practices/v/1.0.0/EC2.23"

# Held-out round 24: a configuration that turns Security Hub control EC2.23 off has recorded that
# it needs auto-accept; the finding stays, without the fix that would stall every attachment.
test_ec2_23_disabled_withholds_fix if {
	rule.deny == {{
		"msg": "aws_ec2_transit_gateway.hub accepts attachment requests from the accounts it is shared with automatically",
		"resource": "aws_ec2_transit_gateway.hub", "path": ["auto_accept_shared_attachments"],
	}} with input as {"resources": [tgw({"auto_accept_shared_attachments": "enable"}), control({"standards_control_arn": fsbp_ec2_23, "control_status": "DISABLED"})]}

	# The account id interpolated: the ARN's literal text still ends in /EC2.23.
	templated := {"$unknown": "\"arn:aws:securityhub:eu-west-2:${data.aws_caller_identity.current.account_id}:control/aws-foundational-security-best-practices/v/1.0.0/EC2.23\""}
	some f in rule.deny with input as {"resources": [tgw({"auto_accept_shared_attachments": "enable"}), control({"standards_control_arn": templated, "control_status": "DISABLED"})]}
	not f.fix

	association := {"address": "aws_securityhub_standards_control_association.ec2_23", "type": "aws_securityhub_standards_control_association", "name": "ec2_23", "config": {"security_control_id": "EC2.23", "association_status": "DISABLED", "standards_arn": "arn:aws:securityhub:eu-west-2::standards/aws-foundational-security-best-practices/v/1.0.0"}, "references": []}
	some g in rule.deny with input as {"resources": [tgw({"auto_accept_shared_attachments": "enable"}), association]}
	not g.fix
}

# Another control disabled, EC2.23 enabled, or an unknown status: the fix stays.
test_other_controls_keep_fix if {
	some f in rule.deny with input as {"resources": [tgw({"auto_accept_shared_attachments": "enable"}), control({"standards_control_arn": "arn:aws:securityhub:eu-west-2:111122223333:control/aws-foundational-security-best-practices/v/1.0.0/EC2.2", "control_status": "DISABLED"})]}
	f.fix == [{"op": "set", "path": ["auto_accept_shared_attachments"], "value": "disable"}]
	some g in rule.deny with input as {"resources": [tgw({"auto_accept_shared_attachments": "enable"}), control({"standards_control_arn": fsbp_ec2_23, "control_status": "ENABLED"})]}
	g.fix
	some h in rule.deny with input as {"resources": [tgw({"auto_accept_shared_attachments": "enable"}), control({"standards_control_arn": fsbp_ec2_23, "control_status": {"$unknown": "var.status"}})]}
	h.fix
}

test_module_call_beside_disabled_control_has_no_fix if {
	some f in rule.deny with input as {"resources": [control({"standards_control_arn": fsbp_ec2_23, "control_status": "DISABLED"})], "modules": [call({"enable_auto_accept_shared_attachments": true})]}
	not f.fix
}
