package palisade.aws.ec2.instance_public_ip_test

import data.palisade.aws.ec2.instance_public_ip as rule

instance(v) := {"address": "aws_instance.web", "type": "aws_instance", "name": "web", "config": {"associate_public_ip_address": v}, "references": []}

test_public_ip_fires if {
	rule.deny == {{
		"msg": "aws_instance.web is given a public IP address", "resource": "aws_instance.web", "path": ["associate_public_ip_address"],
		"fix": [{"op": "set", "path": ["associate_public_ip_address"], "value": false}],
	}} with input as {"resources": [instance(true)]}
}

test_launch_template_fires if {
	lt := {"address": "aws_launch_template.app", "type": "aws_launch_template", "name": "app", "config": {"network_interfaces": [{"associate_public_ip_address": "true"}]}, "references": []}
	findings := rule.deny with input as {"resources": [lt]}
	some f in findings
	f.path == ["network_interfaces", 0, "associate_public_ip_address"]
}

test_private_passes if {
	count(rule.deny) == 0 with input as {"resources": [instance(false)]}
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_instance.x", "type": "aws_instance", "name": "x", "config": {}, "references": []}]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [instance({"$unknown": "var.public"})]}
}
