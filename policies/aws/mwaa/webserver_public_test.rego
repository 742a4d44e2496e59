package palisade.aws.mwaa.webserver_public_test

import data.palisade.aws.mwaa.webserver_public as rule

env(config) := {"address": "aws_mwaa_environment.this", "type": "aws_mwaa_environment", "name": "this", "config": config, "references": []}

msg := `aws_mwaa_environment.this serves the Airflow web server on a public endpoint (webserver_access_mode = "PUBLIC_ONLY")`

test_public_fires_with_fix if {
	rule.deny == {{
		"msg": msg, "resource": "aws_mwaa_environment.this", "path": ["webserver_access_mode"],
		"fix": [{"op": "set", "path": ["webserver_access_mode"], "value": "PRIVATE_ONLY"}],
	}} with input as {"resources": [env({"webserver_access_mode": "PUBLIC_ONLY"})]}
}

# With customer-managed endpoints the owner creates the web server's VPC endpoint: no fix.
test_customer_endpoints_get_no_fix if {
	rule.deny == {{"msg": msg, "resource": "aws_mwaa_environment.this", "path": ["webserver_access_mode"]}} with input as {"resources": [env({"webserver_access_mode": "PUBLIC_ONLY", "endpoint_management": "CUSTOMER"})]}
	rule.deny == {{"msg": msg, "resource": "aws_mwaa_environment.this", "path": ["webserver_access_mode"]}} with input as {"resources": [env({"webserver_access_mode": "PUBLIC_ONLY", "endpoint_management": {"$unknown": "var.endpoints"}})]}
}

test_private_and_default_pass if {
	count(rule.deny) == 0 with input as {"resources": [env({}), env({"webserver_access_mode": "PRIVATE_ONLY"})]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [env({"webserver_access_mode": {"$unknown": "var.webserver_access_mode"}})]}
}
