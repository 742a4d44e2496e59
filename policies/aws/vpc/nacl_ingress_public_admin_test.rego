package palisade.aws.vpc.nacl_ingress_public_admin_test

import data.palisade.aws.vpc.nacl_ingress_public_admin as rule

acl(ingress) := {"address": "aws_network_acl.main", "type": "aws_network_acl", "name": "main", "config": {"ingress": ingress}, "references": []}

test_inline_all_traffic_fires if {
	rule.deny == {{
		"msg": "aws_network_acl.main allows RDP (3389), SSH (22) from 0.0.0.0/0",
		"resource": "aws_network_acl.main", "path": ["ingress", 0],
	}} with input as {"resources": [acl([{"protocol": "-1", "rule_no": 100, "action": "allow", "cidr_block": "0.0.0.0/0", "from_port": 0, "to_port": 0}])]}
}

test_rule_resource_fires if {
	r := {"address": "aws_network_acl_rule.ssh", "type": "aws_network_acl_rule", "name": "ssh", "references": [], "config": {"rule_number": 100, "protocol": "tcp", "rule_action": "allow", "cidr_block": "0.0.0.0/0", "from_port": 22, "to_port": 22}}
	rule.deny == {{"msg": "aws_network_acl_rule.ssh allows SSH (22) from 0.0.0.0/0", "resource": "aws_network_acl_rule.ssh", "path": []}} with input as {"resources": [r]}
}

test_deny_egress_and_private_pass if {
	count(rule.deny) == 0 with input as {"resources": [acl([{"protocol": "tcp", "action": "deny", "cidr_block": "0.0.0.0/0", "from_port": 22, "to_port": 22}])]}
	count(rule.deny) == 0 with input as {"resources": [acl([{"protocol": "tcp", "action": "allow", "cidr_block": "10.0.0.0/8", "from_port": 22, "to_port": 22}])]}
	count(rule.deny) == 0 with input as {"resources": [acl([{"protocol": "tcp", "action": "allow", "cidr_block": "0.0.0.0/0", "from_port": 443, "to_port": 443}])]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [acl([{"protocol": "tcp", "action": "allow", "cidr_block": {"$unknown": "var.cidr"}, "from_port": 22, "to_port": 22}])]}
}

# AWS evaluates an ACL's entries in rule-number order: a deny for 22 and 3389 from anywhere
# before an allow-all leaves neither port open (Checkov's NACL checks read it the same way).
test_earlier_deny_shadows_allow_all if {
	count(rule.deny) == 0 with input as {"resources": [acl([
		{"protocol": "tcp", "rule_no": 10, "action": "deny", "cidr_block": "0.0.0.0/0", "from_port": 22, "to_port": 22},
		{"protocol": "tcp", "rule_no": 20, "action": "deny", "cidr_block": "0.0.0.0/0", "from_port": 3389, "to_port": 3389},
		{"protocol": "-1", "rule_no": 100, "action": "allow", "cidr_block": "0.0.0.0/0", "from_port": 0, "to_port": 0},
	])]}
}

test_earlier_deny_of_one_port_leaves_the_other if {
	rule.deny == {{"msg": "aws_network_acl.main allows RDP (3389) from 0.0.0.0/0", "resource": "aws_network_acl.main", "path": ["ingress", 1]}} with input as {"resources": [acl([
		{"protocol": "tcp", "rule_no": 10, "action": "deny", "cidr_block": "0.0.0.0/0", "from_port": 22, "to_port": 22},
		{"protocol": "-1", "rule_no": 100, "action": "allow", "cidr_block": "0.0.0.0/0", "from_port": 0, "to_port": 0},
	])]}
}

test_later_or_narrower_deny_does_not_shadow if {
	count(rule.deny) == 1 with input as {"resources": [acl([
		{"protocol": "-1", "rule_no": 100, "action": "allow", "cidr_block": "0.0.0.0/0", "from_port": 0, "to_port": 0},
		{"protocol": "tcp", "rule_no": 200, "action": "deny", "cidr_block": "0.0.0.0/0", "from_port": 22, "to_port": 3389},
	])]}
	count(rule.deny) == 1 with input as {"resources": [acl([
		{"protocol": "tcp", "rule_no": 10, "action": "deny", "cidr_block": "1.2.3.0/24", "from_port": 22, "to_port": 3389},
		{"protocol": "-1", "rule_no": 100, "action": "allow", "cidr_block": "0.0.0.0/0", "from_port": 0, "to_port": 0},
	])]}
}

# An IPv4 deny does not close the IPv6 allow, and an unknown rule number orders nothing.
test_deny_of_other_family_or_unknown_number_does_not_shadow if {
	count(rule.deny) == 1 with input as {"resources": [acl([
		{"protocol": "-1", "rule_no": 10, "action": "deny", "cidr_block": "0.0.0.0/0"},
		{"protocol": "-1", "rule_no": 100, "action": "allow", "ipv6_cidr_block": "::/0"},
	])]}
	count(rule.deny) == 1 with input as {"resources": [acl([
		{"protocol": "-1", "rule_no": {"$unknown": "var.n"}, "action": "deny", "cidr_block": "0.0.0.0/0"},
		{"protocol": "-1", "rule_no": 100, "action": "allow", "cidr_block": "0.0.0.0/0"},
	])]}
}

nacl_rule(name, number, action, acl_ref) := {
	"address": concat(".", ["aws_network_acl_rule", name]), "type": "aws_network_acl_rule", "name": name,
	"references": [{"path": ["network_acl_id"], "target": acl_ref}],
	"config": {"network_acl_id": {"$unknown": acl_ref}, "rule_number": number, "protocol": "-1", "rule_action": action, "cidr_block": "0.0.0.0/0"},
}

# Rule resources order the same way within the ACL their network_acl_id references.
test_rule_resources_of_one_acl_are_ordered if {
	count(rule.deny) == 0 with input as {"resources": [nacl_rule("deny_all", 50, "deny", "aws_network_acl.a"), nacl_rule("allow_all", 100, "allow", "aws_network_acl.a")]}
	rule.deny == {{"msg": "aws_network_acl_rule.allow_all allows RDP (3389), SSH (22) from 0.0.0.0/0", "resource": "aws_network_acl_rule.allow_all", "path": []}} with input as {"resources": [nacl_rule("deny_all", 50, "deny", "aws_network_acl.b"), nacl_rule("allow_all", 100, "allow", "aws_network_acl.a")]}
}

test_rule_resource_with_string_egress_false_fires if {
	r := {"address": "aws_network_acl_rule.ssh", "type": "aws_network_acl_rule", "name": "ssh", "references": [], "config": {"egress": "false", "rule_number": 100, "protocol": "tcp", "rule_action": "allow", "cidr_block": "0.0.0.0/0", "from_port": 22, "to_port": 22}}
	count(rule.deny) == 1 with input as {"resources": [r]}
}

# Semgrep's rule tests: a private or reserved block written with too short a prefix reaches the
# internet beside it; the block itself, a smaller range or a host-bits CIDR the provider rejects does not.
test_private_range_spilling_into_public_fires if {
	every c in ["10.0.0.0/7", "192.168.0.0/15", "169.254.0.0/15", "126.0.0.0/7"] {
		count(rule.deny) == 1 with input as {"resources": [acl([{"protocol": "tcp", "rule_no": 1, "action": "allow", "cidr_block": c, "from_port": 22, "to_port": 22}])]}
	}
	every c in ["10.0.0.0/8", "192.168.0.0/16", "100.64.0.0/10", "127.0.0.0/31", "10.99.99.99/7"] {
		count(rule.deny) == 0 with input as {"resources": [acl([{"protocol": "tcp", "rule_no": 1, "action": "allow", "cidr_block": c, "from_port": 22, "to_port": 22}])]}
	}
}
