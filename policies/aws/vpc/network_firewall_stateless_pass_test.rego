package palisade.aws.vpc.network_firewall_stateless_pass_test

import data.palisade.aws.vpc.network_firewall_stateless_pass as rule

policy(fp) := {"address": "aws_networkfirewall_firewall_policy.p", "type": "aws_networkfirewall_firewall_policy", "name": "p", "config": {"name": "p", "firewall_policy": [fp]}, "references": []}

test_pass_default_fires if {
	rule.deny == {{
		"msg": "aws_networkfirewall_firewall_policy.p lets packets that no stateless rule matched pass without stateful inspection (aws:pass)",
		"resource": "aws_networkfirewall_firewall_policy.p", "path": ["firewall_policy", 0, "stateless_default_actions"],
		"fix": [{"op": "set", "path": ["firewall_policy", 0, "stateless_default_actions"], "value": ["aws:forward_to_sfe"]}],
	}} with input as {"resources": [policy({"stateless_default_actions": ["aws:pass"], "stateless_fragment_default_actions": ["aws:drop"]})]}
	count(rule.deny) == 2 with input as {"resources": [policy({"stateless_default_actions": ["aws:pass", "Metrics"], "stateless_fragment_default_actions": ["aws:pass"]})]}
}

test_forward_drop_or_unknown_passes if {
	count(rule.deny) == 0 with input as {"resources": [policy({"stateless_default_actions": ["aws:forward_to_sfe"], "stateless_fragment_default_actions": ["aws:drop", "Metrics"]})]}
	count(rule.deny) == 0 with input as {"resources": [policy({"stateless_default_actions": {"$unknown": "var.actions"}, "stateless_fragment_default_actions": [{"$unknown": "var.action"}]})]}
}

call(config) := {"address": "module.nfw", "source": "terraform-aws-modules/network-firewall/aws", "version": "~> 1.0", "config": config}

test_opaque_call_passing_pass_fires if {
	rule.deny == {{
		"msg": "module.nfw lets packets that no stateless rule matched pass without stateful inspection (aws:pass)",
		"resource": "module.nfw", "path": ["policy_stateless_default_actions"],
		"fix": [{"op": "set", "path": ["policy_stateless_default_actions"], "value": ["aws:forward_to_sfe"]}],
	}} with input as {"resources": [], "modules": [call({"name": "nfw", "policy_stateless_default_actions": ["aws:pass"]})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [call({"policy_stateless_default_actions": ["aws:forward_to_sfe"]})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [call({"policy_stateless_default_actions": ["aws:pass"], "create_policy": false})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [call({"name": "nfw"})]}
}

test_fix_forwards_and_keeps_custom_actions if {
	some f in rule.deny with input as {"resources": [policy({"stateless_default_actions": ["aws:pass", "Metrics"]})]}
	f.fix == [{"op": "set", "path": ["firewall_policy", 0, "stateless_default_actions"], "value": ["aws:forward_to_sfe", "Metrics"]}]
}

policy_submodule(config) := {"address": "module.policy", "source": "terraform-aws-modules/network-firewall/aws//modules/policy", "version": "~> 1.0", "config": config}

# Round 22: the policy submodule takes the provider's argument names.
test_policy_submodule_fires if {
	rule.deny == {{
		"msg": "module.policy lets fragmented packets that no stateless rule matched pass without stateful inspection (aws:pass)",
		"resource": "module.policy", "path": ["stateless_fragment_default_actions"],
		"fix": [{"op": "set", "path": ["stateless_fragment_default_actions"], "value": ["aws:forward_to_sfe"]}],
	}} with input as {"resources": [], "modules": [policy_submodule({"stateless_default_actions": ["aws:drop"], "stateless_fragment_default_actions": ["aws:pass"]})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [policy_submodule({"stateless_default_actions": ["aws:pass"], "create": false})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [policy_submodule({"stateless_default_actions": ["aws:forward_to_sfe"]})]}

	# the rule-group submodule has no default actions
	count(rule.deny) == 0 with input as {"resources": [], "modules": [object.union(policy_submodule({"stateless_default_actions": ["aws:pass"]}), {"source": "terraform-aws-modules/network-firewall/aws//modules/rule-group"})]}
}
