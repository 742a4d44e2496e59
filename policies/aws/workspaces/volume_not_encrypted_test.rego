package palisade.aws.workspaces.volume_not_encrypted_test

import data.palisade.aws.workspaces.volume_not_encrypted as rule

ws(config) := {"address": "aws_workspaces_workspace.this", "type": "aws_workspaces_workspace", "name": "this", "config": object.union({"user_name": "jdoe"}, config), "references": []}

test_each_unencrypted_volume_fires if {
	{f.path | some f in rule.deny} == {["root_volume_encryption_enabled"], ["user_volume_encryption_enabled"]} with input as {"resources": [ws({})]}
	{f.msg | some f in rule.deny} == {"the user volume of aws_workspaces_workspace.this is not encrypted"} with input as {"resources": [ws({"root_volume_encryption_enabled": true, "user_volume_encryption_enabled": false})]}
}

test_both_encrypted_passes if {
	count(rule.deny) == 0 with input as {"resources": [ws({"root_volume_encryption_enabled": true, "user_volume_encryption_enabled": true, "volume_encryption_key": "alias/aws/workspaces"})]}
	count(rule.deny) == 0 with input as {"resources": [ws({"root_volume_encryption_enabled": {"$unknown": "var.e"}, "user_volume_encryption_enabled": {"$unknown": "var.e"}})]}
}
