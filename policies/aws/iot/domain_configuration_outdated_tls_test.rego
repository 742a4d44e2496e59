package palisade.aws.iot.domain_configuration_outdated_tls_test

import data.palisade.aws.iot.domain_configuration_outdated_tls as rule

domain(config) := {"resources": [{
	"address": "aws_iot_domain_configuration.d", "type": "aws_iot_domain_configuration", "name": "d",
	"config": config, "references": [],
}]}

test_tls_1_0_policies_fire_with_set if {
	rule.deny == {{
		"msg": "aws_iot_domain_configuration.d uses IoTSecurityPolicy_TLS12_1_0_2016_01, which accepts TLS 1.0 and 1.1",
		"resource": "aws_iot_domain_configuration.d", "path": ["tls_config", 0, "security_policy"],
		"fix": [{"op": "set", "path": ["tls_config", 0, "security_policy"], "value": "IoTSecurityPolicy_TLS13_1_2_2022_10"}],
	}} with input as domain({"name": "d", "tls_config": [{"security_policy": "IoTSecurityPolicy_TLS12_1_0_2016_01"}]})
	count(rule.deny) == 1 with input as domain({"name": "d", "tls_config": [{"security_policy": "IoTSecurityPolicy_TLS12_1_0_2015_01"}]})
}

test_tls_1_2_policies_pass if {
	count(rule.deny) == 0 with input as domain({"name": "d", "tls_config": [{"security_policy": "IoTSecurityPolicy_TLS13_1_2_2022_10"}]})
	count(rule.deny) == 0 with input as domain({"name": "d", "tls_config": [{"security_policy": "IoTSecurityPolicy_TLS13_1_3_2022_10"}]})
	count(rule.deny) == 0 with input as domain({"name": "d", "tls_config": [{"security_policy": "IoTSecurityPolicy_TLS12_1_2_2022_10"}]})
}

test_left_out_passes if {
	count(rule.deny) == 0 with input as domain({"name": "d"})
	count(rule.deny) == 0 with input as domain({"name": "d", "tls_config": [{}]})
}

test_unknown_passes if {
	count(rule.deny) == 0 with input as domain({"name": "d", "tls_config": [{"security_policy": {"$unknown": "var.policy"}}]})
	count(rule.deny) == 0 with input as domain({"name": "d", "tls_config": {"$unknown": "dynamic"}})
}
