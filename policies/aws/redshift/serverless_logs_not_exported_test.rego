package palisade.aws.redshift.serverless_logs_not_exported_test

import data.palisade.aws.redshift.serverless_logs_not_exported as rule

namespace(extra) := {"address": "aws_redshiftserverless_namespace.main", "type": "aws_redshiftserverless_namespace", "name": "main", "config": object.union({"namespace_name": "main"}, extra), "references": []}

test_fires_when_unset if {
	rule.deny == {{"msg": "aws_redshiftserverless_namespace.main does not export connectionlog and userlog logs to CloudWatch Logs", "resource": "aws_redshiftserverless_namespace.main", "path": [], "fix": [{"op": "set", "path": ["log_exports"], "value": ["connectionlog", "userlog"]}]}} with input as {"resources": [namespace({})]}
}

test_fires_on_partial_list if {
	rule.deny == {{"msg": "aws_redshiftserverless_namespace.main does not export connectionlog logs to CloudWatch Logs", "resource": "aws_redshiftserverless_namespace.main", "path": ["log_exports"], "fix": [{"op": "set", "path": ["log_exports"], "value": ["useractivitylog", "userlog", "connectionlog"]}]}} with input as {"resources": [namespace({"log_exports": ["useractivitylog", "userlog"]})]}
	count(rule.deny) == 1 with input as {"resources": [namespace({"log_exports": []})]}
}

test_passes if {
	count(rule.deny) == 0 with input as {"resources": [namespace({"log_exports": ["userlog", "connectionlog"]})]}
	count(rule.deny) == 0 with input as {"resources": [namespace({"log_exports": {"$unknown": "var.log_exports"}})]}
	count(rule.deny) == 0 with input as {"resources": [namespace({"log_exports": ["userlog", {"$unknown": "var.extra"}]})]}
}
