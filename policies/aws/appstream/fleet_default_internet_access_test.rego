package palisade.aws.appstream.fleet_default_internet_access_test

import data.palisade.aws.appstream.fleet_default_internet_access as rule

fleet(config) := {"resources": [{
	"address": "aws_appstream_fleet.apps", "type": "aws_appstream_fleet", "name": "apps", "references": [],
	"config": object.union({"name": "apps", "instance_type": "stream.standard.small"}, config),
}]}

test_fires_on_default_internet_access if {
	rule.deny == {{
		"msg": "aws_appstream_fleet.apps gives its streaming instances public IP addresses (enable_default_internet_access = true)",
		"resource": "aws_appstream_fleet.apps", "path": ["enable_default_internet_access"],
	}} with input as fleet({"enable_default_internet_access": true})
}

test_passes_when_off_or_unset if {
	count(rule.deny) == 0 with input as fleet({"enable_default_internet_access": false})
	count(rule.deny) == 0 with input as fleet({})
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as fleet({"enable_default_internet_access": {"$unknown": "var.internet"}})
}
