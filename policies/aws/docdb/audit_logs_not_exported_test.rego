package palisade.aws.docdb.audit_logs_not_exported_test

import data.palisade.aws.docdb.audit_logs_not_exported as rule

bad := {"resources": [{"address": "aws_docdb_cluster.this", "type": "aws_docdb_cluster", "name": "this", "config": {"enabled_cloudwatch_logs_exports": ["profiler"]}, "references": []}]}

good_0 := {"resources": [{"address": "aws_docdb_cluster.this", "type": "aws_docdb_cluster", "name": "this", "config": {"enabled_cloudwatch_logs_exports": ["audit"]}, "references": []}]}

unknown_0 := {"resources": [{"address": "aws_docdb_cluster.this", "type": "aws_docdb_cluster", "name": "this", "config": {"enabled_cloudwatch_logs_exports": {"$unknown": "var.x"}}, "references": []}]}

unknown_1 := {"resources": [{"address": "aws_docdb_cluster.this", "type": "aws_docdb_cluster", "name": "this", "config": {"enabled_cloudwatch_logs_exports": [{"$unknown": "var.x"}]}, "references": []}]}

also_bad_0 := {"resources": [{"address": "aws_docdb_cluster.this", "type": "aws_docdb_cluster", "name": "this", "config": {}, "references": []}]}

test_fires if {
	rule.deny == {{"msg": "aws_docdb_cluster.this does not export audit logs to CloudWatch Logs", "resource": "aws_docdb_cluster.this", "path": ["enabled_cloudwatch_logs_exports"], "fix": [{"op": "set", "path": ["enabled_cloudwatch_logs_exports"], "value": ["profiler", "audit"]}]}} with input as bad
}

test_also_fires if {
	count(rule.deny) == 1 with input as also_bad_0
}

test_passes if {
	count(rule.deny) == 0 with input as good_0
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as unknown_0
	count(rule.deny) == 0 with input as unknown_1
}
