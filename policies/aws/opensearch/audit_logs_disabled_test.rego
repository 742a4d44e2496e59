package palisade.aws.opensearch.audit_logs_disabled_test

import data.palisade.aws.opensearch.audit_logs_disabled as rule

fgac := [{"enabled": true, "internal_user_database_enabled": true}]

domain(config) := {"address": "aws_opensearch_domain.this", "type": "aws_opensearch_domain", "name": "this", "config": config, "references": []}

app_logs := {"log_type": "ES_APPLICATION_LOGS", "cloudwatch_log_group_arn": "arn:aws:logs:us-east-1:111122223333:log-group:search"}

es_policy := {"address": "aws_cloudwatch_log_resource_policy.es", "type": "aws_cloudwatch_log_resource_policy", "name": "es", "config": {"policy_name": "es", "policy_document": "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"es.amazonaws.com\"},\"Action\":[\"logs:PutLogEvents\",\"logs:CreateLogStream\"],\"Resource\":\"arn:aws:logs:us-east-1:111122223333:log-group:search:*\"}]}"}, "references": []}

msg := "aws_opensearch_domain.this has fine-grained access control but does not publish its audit logs to CloudWatch Logs"

# No log publishing at all: reported (PAL-AWS-OPENSEARCH-005 reports the missing logs too); no
# log group to reuse, so no fix.
test_fires_without_logs if {
	rule.deny == {{"msg": msg, "resource": "aws_opensearch_domain.this", "path": ["advanced_security_options", 0, "enabled"]}} with input as {"resources": [domain({"advanced_security_options": fgac})]}
}

# Application logs only: the fix publishes the audit logs to the log group the domain already
# writes to, when a log resource policy lets OpenSearch write there.
test_fires_with_other_logs_and_fixes if {
	rule.deny == {{"msg": msg, "resource": "aws_opensearch_domain.this", "path": ["advanced_security_options", 0, "enabled"], "fix": [{"op": "add_block", "path": [], "type": "log_publishing_options", "repeatable": true, "config": {"log_type": "AUDIT_LOGS", "cloudwatch_log_group_arn": "arn:aws:logs:us-east-1:111122223333:log-group:search"}}]}} with input as {"resources": [domain({"advanced_security_options": fgac, "log_publishing_options": [app_logs]}), es_policy]}
	rule.deny == {{"msg": msg, "resource": "aws_opensearch_domain.this", "path": ["advanced_security_options", 0, "enabled"]}} with input as {"resources": [domain({"advanced_security_options": fgac, "log_publishing_options": [app_logs]})]}
}

# A switched-off AUDIT_LOGS block is switched on (same conditions as PAL-AWS-OPENSEARCH-005).
test_disabled_audit_block_fires_on_the_block if {
	audit_off := {"log_type": "AUDIT_LOGS", "enabled": false, "cloudwatch_log_group_arn": "arn:aws:logs:us-east-1:111122223333:log-group:search"}
	rule.deny == {{"msg": msg, "resource": "aws_opensearch_domain.this", "path": ["log_publishing_options", 1, "enabled"], "fix": [{"op": "set", "path": ["log_publishing_options", 1, "enabled"], "value": true}]}} with input as {"resources": [domain({"advanced_security_options": fgac, "log_publishing_options": [app_logs, audit_off]}), es_policy]}
}

test_passes if {
	count(rule.deny) == 0 with input as {"resources": [domain({"advanced_security_options": fgac, "log_publishing_options": [{"log_type": "AUDIT_LOGS", "cloudwatch_log_group_arn": "arn:aws:logs:us-east-1:111122223333:log-group:a"}]})]}
	count(rule.deny) == 0 with input as {"resources": [domain({"advanced_security_options": fgac, "log_publishing_options": [app_logs, {"log_type": "AUDIT_LOGS", "enabled": true, "cloudwatch_log_group_arn": "arn:aws:logs:us-east-1:111122223333:log-group:a"}]})]}

	# Without fine-grained access control AWS cannot publish audit logs (PAL-AWS-OPENSEARCH-008).
	count(rule.deny) == 0 with input as {"resources": [domain({"log_publishing_options": [app_logs]})]}
	count(rule.deny) == 0 with input as {"resources": [domain({"advanced_security_options": [{"enabled": false}]})]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [domain({"advanced_security_options": [{"enabled": {"$unknown": "var.fgac"}}]})]}
	count(rule.deny) == 0 with input as {"resources": [domain({"advanced_security_options": fgac, "log_publishing_options": {"$unknown": "var.logs"}})]}
	count(rule.deny) == 0 with input as {"resources": [domain({"advanced_security_options": fgac, "log_publishing_options": [{"log_type": {"$unknown": "each.key"}, "cloudwatch_log_group_arn": "arn:aws:logs:us-east-1:111122223333:log-group:a"}]})]}
	count(rule.deny) == 0 with input as {"resources": [domain({"advanced_security_options": fgac, "log_publishing_options": [{"log_type": "AUDIT_LOGS", "enabled": {"$unknown": "var.on"}}]})]}
}
