package palisade.aws.efs.file_system_not_encrypted_test

import data.palisade.aws.efs.file_system_not_encrypted as rule

test_bad_value_fires if {
	rule.deny == {{"msg": "aws_efs_file_system.this is not encrypted at rest", "resource": "aws_efs_file_system.this", "path": ["encrypted"], "fix": [{"op": "set", "path": ["encrypted"], "value": true}]}} with input as {"resources": [{"address": "aws_efs_file_system.this", "type": "aws_efs_file_system", "name": "this", "config": {"encrypted": false}, "references": []}]}
}

test_unset_fires if {
	rule.deny == {{"msg": "aws_efs_file_system.this is not encrypted at rest", "resource": "aws_efs_file_system.this", "path": ["encrypted"], "fix": [{"op": "set", "path": ["encrypted"], "value": true}]}} with input as {"resources": [{"address": "aws_efs_file_system.this", "type": "aws_efs_file_system", "name": "this", "config": {}, "references": []}]}
}

test_good_value_passes if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_efs_file_system.this", "type": "aws_efs_file_system", "name": "this", "config": {"encrypted": true}, "references": []}]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_efs_file_system.this", "type": "aws_efs_file_system", "name": "this", "config": {"encrypted": {"$unknown": "var.x"}}, "references": []}]}
}
