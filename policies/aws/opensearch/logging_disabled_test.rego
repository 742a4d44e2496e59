package palisade.aws.opensearch.logging_disabled_test

import data.palisade.aws.opensearch.logging_disabled as rule

bad := {"resources": [{"address": "aws_opensearch_domain.this", "type": "aws_opensearch_domain", "name": "this", "config": {"log_publishing_options": [{"log_type": "AUDIT_LOGS", "enabled": false}]}, "references": []}]}

good_0 := {"resources": [{"address": "aws_opensearch_domain.this", "type": "aws_opensearch_domain", "name": "this", "config": {"log_publishing_options": [{"log_type": "AUDIT_LOGS"}]}, "references": []}]}

good_1 := {"resources": [{"address": "aws_opensearch_domain.this", "type": "aws_opensearch_domain", "name": "this", "config": {"log_publishing_options": [{"log_type": "AUDIT_LOGS", "enabled": false}, {"log_type": "ES_APPLICATION_LOGS", "enabled": true}]}, "references": []}]}

unknown_0 := {"resources": [{"address": "aws_opensearch_domain.this", "type": "aws_opensearch_domain", "name": "this", "config": {"log_publishing_options": {"$unknown": "var.x"}}, "references": []}]}

unknown_1 := {"resources": [{"address": "aws_opensearch_domain.this", "type": "aws_opensearch_domain", "name": "this", "config": {"log_publishing_options": [{"log_type": "AUDIT_LOGS", "enabled": {"$unknown": "var.x"}}]}, "references": []}]}

also_bad_0 := {"resources": [{"address": "aws_opensearch_domain.this", "type": "aws_opensearch_domain", "name": "this", "config": {}, "references": []}]}

test_fires if {
	rule.deny == {{"msg": "aws_opensearch_domain.this does not publish any logs to CloudWatch Logs", "resource": "aws_opensearch_domain.this", "path": ["log_publishing_options", 0, "enabled"]}} with input as bad
}

test_also_fires if {
	count(rule.deny) == 1 with input as also_bad_0
}

test_passes if {
	count(rule.deny) == 0 with input as good_0
	count(rule.deny) == 0 with input as good_1
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as unknown_0
	count(rule.deny) == 0 with input as unknown_1
}

os_call(config) := {"address": "module.search", "source": "terraform-aws-modules/opensearch/aws", "config": config}

test_opaque_module_without_logs_fires if {
	rule.deny == {{"msg": "module.search does not publish any logs to CloudWatch Logs", "resource": "module.search", "path": ["log_publishing_options"]}} with input as {"resources": [], "modules": [os_call({"log_publishing_options": []})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [os_call({}), os_call({"log_publishing_options": [{"log_type": "AUDIT_LOGS"}]})]}
}
