package palisade.aws.dms.endpoint_ssl_disabled_test

import data.palisade.aws.dms.endpoint_ssl_disabled as rule

endpoint(config) := {"address": "aws_dms_endpoint.src", "type": "aws_dms_endpoint", "name": "src", "config": config, "references": []}

test_none_fires_on_the_attribute if {
	rule.deny == {{
		"msg": "aws_dms_endpoint.src connects to its postgres database without SSL (ssl_mode = \"none\")",
		"resource": "aws_dms_endpoint.src", "path": ["ssl_mode"],
	}} with input as {"resources": [endpoint({"engine_name": "postgres", "ssl_mode": "none"})]}
}

test_unset_fires_on_the_block if {
	rule.deny == {{
		"msg": "aws_dms_endpoint.src connects to its aurora database without SSL (ssl_mode is not set)",
		"resource": "aws_dms_endpoint.src", "path": [],
	}} with input as {"resources": [endpoint({"engine_name": "aurora", "endpoint_type": "target"})]}
	count(rule.deny) == 1 with input as {"resources": [endpoint({"engine_name": "mysql", "ssl_mode": ""})]}
}

test_encrypting_modes_pass if {
	every mode in ["require", "verify-ca", "verify-full"] {
		count(rule.deny) == 0 with input as {"resources": [endpoint({"engine_name": "oracle", "ssl_mode": mode})]}
	}
}

# S3, Kinesis, DynamoDB, Redshift … encrypt without an SSL mode (Checkov's own cases pass them too).
test_engines_without_ssl_mode_pass if {
	every engine in ["s3", "kinesis", "dynamodb", "redshift", "kafka", "neptune", "azuredb"] {
		count(rule.deny) == 0 with input as {"resources": [endpoint({"engine_name": engine, "ssl_mode": "none"})]}
	}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [endpoint({"engine_name": "postgres", "ssl_mode": {"$unknown": "var.ssl_mode"}})]}
	count(rule.deny) == 0 with input as {"resources": [endpoint({"engine_name": {"$unknown": "var.engine"}})]}
}

test_redis_plaintext_fires if {
	rule.deny == {{
		"msg": "aws_dms_endpoint.src connects to its redis database without TLS (ssl_security_protocol = \"plaintext\")",
		"resource": "aws_dms_endpoint.src", "path": ["redis_settings", 0, "ssl_security_protocol"],
	}} with input as {"resources": [endpoint({"engine_name": "redis", "redis_settings": [{"ssl_security_protocol": "plaintext"}]})]}
	count(rule.deny) == 0 with input as {"resources": [endpoint({"engine_name": "redis", "redis_settings": [{"ssl_security_protocol": "ssl-encryption"}]})]}
	count(rule.deny) == 0 with input as {"resources": [endpoint({"engine_name": "redis", "redis_settings": [{"server_name": "r"}]})]}
}

dms(endpoints) := {"address": "module.dms", "name": "dms", "source": "terraform-aws-modules/dms/aws", "config": {"repl_instance_id": "x", "endpoints": endpoints}}

# terraform-aws-modules/dms endpoints entries (round 13): the module passes ssl_mode through, null
# when the entry leaves it out, which is DMS's none.
test_module_endpoints if {
	rule.deny == {{"msg": "endpoint source of module.dms connects to its aurora-postgresql database without SSL (ssl_mode is not set)", "resource": "module.dms", "path": ["endpoints", "source"]}} with input as {"resources": [], "modules": [dms({"source": {"endpoint_type": "source", "engine_name": "aurora-postgresql"}, "target": {"endpoint_type": "target", "engine_name": "postgres", "ssl_mode": "require"}})]}
	rule.deny == {{"msg": "endpoint t of module.dms connects to its mysql database without SSL (ssl_mode = \"none\")", "resource": "module.dms", "path": ["endpoints", "t", "ssl_mode"]}} with input as {"resources": [], "modules": [dms({"t": {"engine_name": "mysql", "ssl_mode": "none"}})]}
	count(rule.deny) == 1 with input as {"resources": [], "modules": [dms({"r": {"engine_name": "redis", "redis_settings": {"server_name": "r", "auth_type": "none", "ssl_security_protocol": "plaintext"}}})]}
}

test_module_quiet_cases if {
	# an S3 entry becomes aws_dms_s3_endpoint; unknown entries, engines and modes; create = false
	count(rule.deny) == 0 with input as {"resources": [], "modules": [dms({"s3": {"engine_name": "s3", "s3_settings": {"bucket_name": "b"}}})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [dms({"a": {"engine_name": {"$unknown": "var.engine"}}, "b": {"engine_name": "mysql", "ssl_mode": {"$unknown": "var.mode"}}})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [dms({"$unknown": "var.endpoints"})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [{"address": "module.dms", "name": "dms", "source": "terraform-aws-modules/dms/aws", "config": {"create": false, "endpoints": {"a": {"engine_name": "mysql"}}}}]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [dms({"r": {"engine_name": "redis", "redis_settings": {"server_name": "r", "auth_type": "none"}}})]}
}
