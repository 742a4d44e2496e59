package palisade.aws.ec2.ami_lookup_unpinned_owner_test

import data.palisade.aws.ec2.ami_lookup_unpinned_owner as rule

name_filter := {"name": "name", "values": ["ubuntu/images/*"]}

ami(config) := {"address": "data.aws_ami.u", "mode": "data", "type": "aws_ami", "name": "u", "config": config, "references": []}

instance := {
	"address": "aws_instance.web", "type": "aws_instance", "name": "web",
	"config": {"ami": {"$unknown": "data.aws_ami.u.id"}},
	"references": [{"path": ["ami"], "target": "data.aws_ami.u", "attribute": "id"}],
}

finding := {
	"msg": "data.aws_ami.u picks the newest matching AMI from any owner: anyone can publish a public AMI that matches it",
	"resource": "data.aws_ami.u", "path": ["most_recent"],
}

test_fires_on_name_filter_without_owner if {
	rule.deny == {finding} with input as {"resources": [instance], "data": [ami({"most_recent": true, "filter": [name_filter]})]}
}

test_fires_on_name_regex_with_unsafe_flag if {
	d := ami({"most_recent": true, "name_regex": "^golden-", "allow_unsafe_filter": true})
	rule.deny == {finding} with input as {"resources": [instance], "data": [d]}
}

test_fires_when_a_module_gets_the_id if {
	call := {"address": "module.ec2", "name": "ec2", "source": "terraform-aws-modules/ec2-instance/aws", "config": {"ami": {"$unknown": "data.aws_ami.u.id"}}}
	rule.deny == {finding} with input as {"resources": [], "modules": [call], "data": [ami({"most_recent": true, "filter": [name_filter]})]}
}

test_pinned_lookups_pass if {
	every config in [
		{"most_recent": true, "owners": ["amazon"], "filter": [name_filter]},
		{"most_recent": true, "owners": {"$unknown": "var.owners"}, "filter": [name_filter]},
		{"most_recent": true, "filter": [name_filter, {"name": "owner-id", "values": ["111122223333"]}]},
		{"most_recent": true, "filter": [name_filter, {"name": "image-id", "values": ["ami-0123"]}]},
		{"most_recent": true, "filter": [name_filter, {"name": "tag:Team", "values": ["platform"]}]},
		{"most_recent": true, "filter": [name_filter, {"name": {"$unknown": "each.key"}, "values": ["x"]}]},
		{"most_recent": true, "filter": {"$unknown": "var.filters"}, "name_regex": "^x"},
	] {
		count(rule.deny) == 0 with input as {"resources": [instance], "data": [ami(config)]}
	}
}

test_not_most_recent_passes if {
	count(rule.deny) == 0 with input as {"resources": [instance], "data": [ami({"filter": [name_filter]})]}
	count(rule.deny) == 0 with input as {"resources": [instance], "data": [ami({"most_recent": {"$unknown": "var.latest"}, "filter": [name_filter]})]}
}

test_fires_on_any_unpinned_filter if {
	rule.deny == {finding} with input as {"resources": [instance], "data": [ami({"most_recent": true, "filter": [{"name": "description", "values": ["Golden*"]}]})]}
}

test_product_code_pins if {
	count(rule.deny) == 0 with input as {"resources": [instance], "data": [ami({"most_recent": true, "filter": [{"name": "product-code", "values": ["abc123"]}]})]}
}

test_unused_lookup_passes if {
	count(rule.deny) == 0 with input as {"resources": [], "data": [ami({"most_recent": true, "filter": [name_filter]})]}
}

test_empty_owners_fire if {
	rule.deny == {finding} with input as {"resources": [instance], "data": [ami({"most_recent": true, "owners": [], "filter": [name_filter]})]}
}
