package palisade.aws.rds.parameter_group_tls_not_required_test

import data.palisade.aws.rds.parameter_group_tls_not_required as rule

group(type, parameters) := {"resources": [{"address": concat(".", [type, "db"]), "type": type, "name": "db", "config": {"family": "postgres16", "parameter": parameters}, "references": []}]}

test_force_ssl_off_fires if {
	rule.deny == {{"msg": "aws_db_parameter_group.db sets rds.force_ssl to 0: databases using it accept connections without TLS", "resource": "aws_db_parameter_group.db", "path": ["parameter", 1, "value"], "fix": [{"op": "set", "path": ["parameter", 1, "value"], "value": "1"}]}} with input as group("aws_db_parameter_group", [{"name": "log_connections", "value": "1"}, {"name": "rds.force_ssl", "value": "0"}])
	count(rule.deny) == 1 with input as group("aws_rds_cluster_parameter_group", [{"name": "require_secure_transport", "value": "OFF"}])
	count(rule.deny) == 1 with input as group("aws_db_parameter_group", [{"name": "require_secure_transport", "value": 0}])
}

test_on_unset_or_unknown_passes if {
	count(rule.deny) == 0 with input as group("aws_db_parameter_group", [{"name": "rds.force_ssl", "value": "1"}])
	count(rule.deny) == 0 with input as group("aws_db_parameter_group", [{"name": "require_secure_transport", "value": "ON"}])
	count(rule.deny) == 0 with input as group("aws_db_parameter_group", [{"name": "log_connections", "value": "0"}])
	count(rule.deny) == 0 with input as group("aws_db_parameter_group", [{"name": "rds.force_ssl", "value": {"$unknown": "var.force_ssl"}}])
	count(rule.deny) == 0 with input as group("aws_db_parameter_group", [{"name": {"$unknown": "each.key"}, "value": "0"}])
}

# The fix answers in the vocabulary the group already uses (H12 review): an engine whose
# parameter took "OFF" is given "ON", not "1", which a group of ON/OFF values may not accept.
test_fix_keeps_the_value_form if {
	some f in rule.deny with input as group("aws_rds_cluster_parameter_group", [{"name": "require_secure_transport", "value": "OFF"}])
	f.fix == [{"op": "set", "path": ["parameter", 0, "value"], "value": "ON"}]
	some g in rule.deny with input as group("aws_rds_cluster_parameter_group", [{"name": "require_secure_transport", "value": "off"}])
	g.fix == [{"op": "set", "path": ["parameter", 0, "value"], "value": "on"}]
	some h in rule.deny with input as group("aws_db_parameter_group", [{"name": "require_secure_transport", "value": 0}])
	h.fix == [{"op": "set", "path": ["parameter", 0, "value"], "value": "1"}]
}
