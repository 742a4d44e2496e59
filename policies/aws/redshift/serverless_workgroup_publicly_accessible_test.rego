package palisade.aws.redshift.serverless_workgroup_publicly_accessible_test

import data.palisade.aws.redshift.serverless_workgroup_publicly_accessible as rule

workgroup(config) := {"resources": [{"address": "aws_redshiftserverless_workgroup.analytics", "type": "aws_redshiftserverless_workgroup", "name": "analytics", "config": object.union({"namespace_name": "analytics", "workgroup_name": "analytics"}, config), "references": []}]}

test_public_fires if {
	rule.deny == {{"msg": "aws_redshiftserverless_workgroup.analytics is publicly accessible", "resource": "aws_redshiftserverless_workgroup.analytics", "path": ["publicly_accessible"], "fix": [{"op": "set", "path": ["publicly_accessible"], "value": false}]}} with input as workgroup({"publicly_accessible": true})
	count(rule.deny) == 1 with input as workgroup({"publicly_accessible": "true"})
}

test_private_unset_or_unknown_passes if {
	count(rule.deny) == 0 with input as workgroup({"publicly_accessible": false})
	count(rule.deny) == 0 with input as workgroup({})
	count(rule.deny) == 0 with input as workgroup({"publicly_accessible": {"$unknown": "var.public"}})
}
