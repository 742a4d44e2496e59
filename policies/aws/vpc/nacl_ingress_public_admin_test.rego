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
