package palisade.aws.glue.connection_ssl_not_enforced_test

import data.palisade.aws.glue.connection_ssl_not_enforced as rule

conn(config) := {"address": "aws_glue_connection.db", "type": "aws_glue_connection", "name": "db", "config": config, "references": []}

url := "jdbc:postgresql://db.example.com:5432/app"

test_omitted_fires_on_the_map if {
	rule.deny == {{
		"msg": "aws_glue_connection.db connects to its database without requiring SSL (JDBC_ENFORCE_SSL is not \"true\")",
		"resource": "aws_glue_connection.db", "path": ["connection_properties"],
		"fix": [{"op": "set", "path": ["connection_properties", "JDBC_ENFORCE_SSL"], "value": "true"}],
	}} with input as {"resources": [conn({"name": "db", "connection_properties": {"JDBC_CONNECTION_URL": url}})]}
}

test_false_fires_on_the_property if {
	some f in rule.deny with input as {"resources": [conn({"connection_type": "JDBC", "connection_properties": {"JDBC_CONNECTION_URL": url, "JDBC_ENFORCE_SSL": "false"}})]}
	f.path == ["connection_properties", "JDBC_ENFORCE_SSL"]
}

test_true_other_types_and_unknown_pass if {
	count(rule.deny) == 0 with input as {"resources": [conn({"connection_properties": {"JDBC_CONNECTION_URL": url, "JDBC_ENFORCE_SSL": "true"}})]}
	count(rule.deny) == 0 with input as {"resources": [conn({"connection_type": "NETWORK", "connection_properties": {}})]}
	count(rule.deny) == 0 with input as {"resources": [conn({"connection_type": "KAFKA", "connection_properties": {"KAFKA_BOOTSTRAP_SERVERS": "b:9094"}})]}
	count(rule.deny) == 0 with input as {"resources": [conn({"connection_properties": {"$unknown": "local.props"}})]}
	count(rule.deny) == 0 with input as {"resources": [conn({"connection_properties": {"JDBC_CONNECTION_URL": url, "JDBC_ENFORCE_SSL": {"$unknown": "var.ssl"}}})]}
	count(rule.deny) == 0 with input as {"resources": [conn({"connection_type": {"$unknown": "var.type"}, "connection_properties": {}})]}
}

# Review of round 33: the Glue API reference calls JDBC_ENFORCE_SSL a case-insensitive Boolean
# string, so "TRUE" enforces SSL; "FALSE" does not.
test_case_insensitive_true_passes if {
	count(rule.deny) == 0 with input as {"resources": [conn({"connection_properties": {"JDBC_CONNECTION_URL": url, "JDBC_ENFORCE_SSL": "TRUE"}})]}
	count(rule.deny) == 0 with input as {"resources": [conn({"connection_properties": {"JDBC_CONNECTION_URL": url, "JDBC_ENFORCE_SSL": "True"}})]}
	count(rule.deny) == 1 with input as {"resources": [conn({"connection_properties": {"JDBC_CONNECTION_URL": url, "JDBC_ENFORCE_SSL": "FALSE"}})]}
}
