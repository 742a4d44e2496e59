package palisade.aws.rds.proxy_tls_not_required_test

import data.palisade.aws.rds.proxy_tls_not_required as rule

proxy(config) := {"resources": [{"address": "aws_db_proxy.app", "type": "aws_db_proxy", "name": "app", "config": object.union({"name": "app", "engine_family": "POSTGRESQL"}, config), "references": []}]}

test_missing_or_false_fires if {
	rule.deny == {{"msg": "aws_db_proxy.app accepts client connections without TLS (require_tls is not set)", "resource": "aws_db_proxy.app", "path": ["require_tls"], "fix": [{"op": "set", "path": ["require_tls"], "value": true}]}} with input as proxy({})
	rule.deny == {{"msg": "aws_db_proxy.app accepts client connections without TLS (require_tls is false)", "resource": "aws_db_proxy.app", "path": ["require_tls"], "fix": [{"op": "set", "path": ["require_tls"], "value": true}]}} with input as proxy({"require_tls": "false"})
}

test_required_or_unknown_passes if {
	count(rule.deny) == 0 with input as proxy({"require_tls": true})
	count(rule.deny) == 0 with input as proxy({"require_tls": {"$unknown": "var.require_tls"}})
}
