package palisade.aws.opensearch.audit_logs_not_published_test

import data.palisade.aws.opensearch.audit_logs_not_published as rule

domain(config) := {"address": "aws_opensearch_domain.search", "type": "aws_opensearch_domain", "name": "search", "config": config, "references": []}

fgac := [{"enabled": true, "internal_user_database_enabled": false}]

logs(types) := [{"log_type": t, "cloudwatch_log_group_arn": "arn:aws:logs:us-east-1:111122223333:log-group:os"} | some t in types]

test_fgac_without_audit_fires if {
	rule.deny == {{
		"msg": "aws_opensearch_domain.search has fine-grained access control but publishes no audit logs",
		"resource": "aws_opensearch_domain.search", "path": ["log_publishing_options"],
	}} with input as {"resources": [domain({"advanced_security_options": fgac, "log_publishing_options": logs(["INDEX_SLOW_LOGS", "ES_APPLICATION_LOGS"])})]}
	disabled_audit := array.concat(logs(["SEARCH_SLOW_LOGS"]), [{"log_type": "AUDIT_LOGS", "enabled": false}])
	count(rule.deny) == 1 with input as {"resources": [domain({"advanced_security_options": fgac, "log_publishing_options": disabled_audit})]}
}

# Audit logs on; no logs at all (OPENSEARCH-005's); no fine-grained access control (OPENSEARCH-008's); unknowns.
test_audit_no_logs_no_fgac_unknown_pass if {
	count(rule.deny) == 0 with input as {"resources": [domain({"advanced_security_options": fgac, "log_publishing_options": logs(["AUDIT_LOGS", "INDEX_SLOW_LOGS"])})]}
	count(rule.deny) == 0 with input as {"resources": [domain({"advanced_security_options": fgac})]}
	count(rule.deny) == 0 with input as {"resources": [domain({"log_publishing_options": logs(["INDEX_SLOW_LOGS"])})]}
	count(rule.deny) == 0 with input as {"resources": [domain({"advanced_security_options": [{"enabled": {"$unknown": "var.fgac"}}], "log_publishing_options": logs(["INDEX_SLOW_LOGS"])})]}
	count(rule.deny) == 0 with input as {"resources": [domain({"advanced_security_options": fgac, "log_publishing_options": [{"log_type": {"$unknown": "var.type"}}]})]}
}
