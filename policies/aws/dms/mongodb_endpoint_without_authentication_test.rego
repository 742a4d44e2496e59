package palisade.aws.dms.mongodb_endpoint_without_authentication_test

import data.palisade.aws.dms.mongodb_endpoint_without_authentication as rule

endpoint(config) := {"resources": [{"address": "aws_dms_endpoint.m", "type": "aws_dms_endpoint", "name": "m", "config": config, "references": []}]}

test_auth_type_no if {
	rule.deny == {{"msg": "aws_dms_endpoint.m reads its MongoDB source without authentication (auth_type = \"no\")", "resource": "aws_dms_endpoint.m", "path": ["mongodb_settings", 0, "auth_type"]}} with input as endpoint({"endpoint_id": "m", "endpoint_type": "source", "engine_name": "mongodb", "mongodb_settings": [{"auth_type": "no"}]})
}

test_password_and_default_pass if {
	count(rule.deny) == 0 with input as endpoint({"endpoint_id": "m", "endpoint_type": "source", "engine_name": "mongodb", "mongodb_settings": [{"auth_type": "password", "auth_mechanism": "scram_sha_1"}]})
	count(rule.deny) == 0 with input as endpoint({"endpoint_id": "m", "endpoint_type": "source", "engine_name": "mongodb"})
	count(rule.deny) == 0 with input as endpoint({"endpoint_id": "m", "endpoint_type": "source", "engine_name": "mongodb", "mongodb_settings": [{"auth_mechanism": "default"}]})
}

test_unknown_or_other_engine_passes if {
	count(rule.deny) == 0 with input as endpoint({"endpoint_id": "m", "endpoint_type": "source", "engine_name": "mongodb", "mongodb_settings": [{"auth_type": {"$unknown": "var.auth"}}]})
	count(rule.deny) == 0 with input as endpoint({"endpoint_id": "m", "endpoint_type": "source", "engine_name": {"$unknown": "var.engine"}, "mongodb_settings": [{"auth_type": "no"}]})
}
