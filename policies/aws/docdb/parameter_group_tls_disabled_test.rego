package palisade.aws.docdb.parameter_group_tls_disabled_test

import data.palisade.aws.docdb.parameter_group_tls_disabled as rule

group(params) := {"resources": [{"address": "aws_docdb_cluster_parameter_group.this", "type": "aws_docdb_cluster_parameter_group", "name": "this", "config": {"family": "docdb5.0", "parameter": params}, "references": []}]}

audit := {"name": "audit_logs", "value": "enabled"}

test_fires_when_disabled if {
	rule.deny == {{"msg": "aws_docdb_cluster_parameter_group.this sets tls to disabled: clusters using it accept connections without TLS", "resource": "aws_docdb_cluster_parameter_group.this", "path": ["parameter", 1, "value"], "fix": [{"op": "set", "path": ["parameter", 1, "value"], "value": "enabled"}]}} with input as group([audit, {"name": "tls", "value": "disabled"}])
	count(rule.deny) == 1 with input as group([{"name": "tls", "value": "DISABLED"}])
}

# The default (no tls parameter) and every other value require TLS; unknowns are not judged.
test_passes if {
	count(rule.deny) == 0 with input as group([])
	count(rule.deny) == 0 with input as group([audit])
	count(rule.deny) == 0 with input as group([{"name": "tls", "value": "enabled"}])
	count(rule.deny) == 0 with input as group([{"name": "tls", "value": "tls1.2+"}])
	count(rule.deny) == 0 with input as group([{"name": "tls", "value": {"$unknown": "var.tls"}}])
	count(rule.deny) == 0 with input as group([{"name": {"$unknown": "each.key"}, "value": "disabled"}])
	count(rule.deny) == 0 with input as group({"$unknown": "var.parameters"})
}
