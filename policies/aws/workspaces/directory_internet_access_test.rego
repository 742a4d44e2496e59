package palisade.aws.workspaces.directory_internet_access_test

import data.palisade.aws.workspaces.directory_internet_access as rule

directory(config) := {"resources": [{
	"address": "aws_workspaces_directory.corp", "type": "aws_workspaces_directory", "name": "corp", "references": [],
	"config": object.union({"directory_id": "d-1234567890"}, config),
}]}

test_fires_on_internet_access if {
	rule.deny == {{
		"msg": "aws_workspaces_directory.corp gives the WorkSpaces it creates public IP addresses (enable_internet_access = true)",
		"resource": "aws_workspaces_directory.corp", "path": ["workspace_creation_properties", 0, "enable_internet_access"],
	}} with input as directory({"workspace_creation_properties": [{"enable_internet_access": true}]})
}

test_passes_when_off_or_unset if {
	count(rule.deny) == 0 with input as directory({"workspace_creation_properties": [{"enable_internet_access": false}]})
	count(rule.deny) == 0 with input as directory({"workspace_creation_properties": [{"enable_maintenance_mode": true}]})
	count(rule.deny) == 0 with input as directory({})
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as directory({"workspace_creation_properties": [{"enable_internet_access": {"$unknown": "var.internet"}}]})
	count(rule.deny) == 0 with input as directory({"workspace_creation_properties": {"$unknown": "var.props"}})
}
