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

domain_with(block, extra) := object.union({"address": "aws_opensearch_domain.this", "type": "aws_opensearch_domain", "name": "this", "references": []}, {"config": object.union({"log_publishing_options": [block]}, extra)})

es_policy := {"address": "aws_cloudwatch_log_resource_policy.es", "type": "aws_cloudwatch_log_resource_policy", "name": "es", "references": [], "config": {"policy_name": "es", "policy_document": `{"Statement":[{"Effect":"Allow","Principal":{"Service":"es.amazonaws.com"},"Action":["logs:PutLogEvents","logs:CreateLogStream"],"Resource":"*"}]}`}}

app_logs := {"log_type": "ES_APPLICATION_LOGS", "enabled": false, "cloudwatch_log_group_arn": "arn:aws:logs:eu-west-1:111122223333:log-group:search"}

# A disabled block with a named log group and a resource policy for the service: switched on.
test_disabled_block_with_delivery_in_place_is_switched_on if {
	[f] := [f | some f in rule.deny] with input as {"resources": [domain_with(app_logs, {}), es_policy]}
	f.fix == [{"op": "set", "path": ["log_publishing_options", 0, "enabled"], "value": true}]
}

# No resource policy for es.amazonaws.com: the domain update would be refused, no fix.
test_no_resource_policy_no_fix if {
	[f] := [f | some f in rule.deny] with input as {"resources": [domain_with(app_logs, {})]}
	not f.fix
	other := json.patch(es_policy, [{"op": "replace", "path": "/config/policy_document", "value": `{"Statement":[{"Principal":{"Service":"route53.amazonaws.com"}}]}`}])
	[g] := [g | some g in rule.deny] with input as {"resources": [domain_with(app_logs, {}), other]}
	not g.fix
}

# Audit logs need fine-grained access control: switched on only where it is enabled.
test_audit_logs_need_advanced_security if {
	audit := object.union(app_logs, {"log_type": "AUDIT_LOGS"})
	[f] := [f | some f in rule.deny] with input as {"resources": [domain_with(audit, {}), es_policy]}
	not f.fix
	secured := {"advanced_security_options": [{"enabled": true}]}
	[g] := [g | some g in rule.deny] with input as {"resources": [domain_with(audit, secured), es_policy]}
	g.fix == [{"op": "set", "path": ["log_publishing_options", 0, "enabled"], "value": true}]
}

# A log group the unit declares by count may not exist: no fix. Declared once: fix.
test_counted_log_group_no_fix if {
	block := json.patch(app_logs, [{"op": "replace", "path": "/cloudwatch_log_group_arn", "value": {"$unknown": "aws_cloudwatch_log_group.search[0].arn"}}])
	ref := {"path": ["log_publishing_options", 0, "cloudwatch_log_group_arn"], "target": "aws_cloudwatch_log_group.search[0]", "attribute": "arn"}
	domain := json.patch(domain_with(block, {}), [{"op": "replace", "path": "/references", "value": [ref]}])
	counted := {"address": "aws_cloudwatch_log_group.search[0]", "type": "aws_cloudwatch_log_group", "name": "search", "index": 0, "config": {}, "references": []}
	[f] := [f | some f in rule.deny] with input as {"resources": [domain, counted, es_policy]}
	not f.fix
	once := json.patch(domain, [{"op": "replace", "path": "/references/0/target", "value": "aws_cloudwatch_log_group.search"}])
	group := {"address": "aws_cloudwatch_log_group.search", "type": "aws_cloudwatch_log_group", "name": "search", "config": {}, "references": []}
	[g] := [g | some g in rule.deny] with input as {"resources": [once, group, es_policy]}
	count(g.fix) == 1
}

# A policy scoped to another log group does not let the service write to this one.
scoped(resource) := json.patch(es_policy, [{"op": "replace", "path": "/config/policy_document", "value": sprintf(`{"Statement":[{"Principal":{"Service":"es.amazonaws.com"},"Action":"logs:PutLogEvents","Resource":"%s"}]}`, [resource])}])

test_policy_scoped_to_another_group_no_fix if {
	[f] := [f | some f in rule.deny] with input as {"resources": [domain_with(app_logs, {}), scoped("arn:aws:logs:eu-west-1:111122223333:log-group:other:*")]}
	not f.fix
	[g] := [g | some g in rule.deny] with input as {"resources": [domain_with(app_logs, {}), scoped("arn:aws:logs:eu-west-1:111122223333:log-group:search:*")]}
	count(g.fix) == 1
}

# "arn:aws:logs:*" (the provider documentation's own example) and a Region/account-wide
# "arn:aws:logs:eu-west-1:111122223333:*" match every log group as well: IAM's "*" in an ARN
# spans colons.
test_policy_for_every_log_group_by_arn_wildcard if {
	every resource in ["arn:aws:logs:*", "arn:aws:logs:eu-west-1:111122223333:*", "arn:aws:logs:*:*:*"] {
		[f] := [f | some f in rule.deny] with input as {"resources": [domain_with(app_logs, {}), scoped(resource)]}
		count(f.fix) == 1
	}
	[g] := [g | some g in rule.deny] with input as {"resources": [domain_with(app_logs, {}), scoped("arn:aws:logs:eu-west-1:111122223333:log-group:/aws/other/*")]}
	not g.fix
}

# Review s20/R1's open item: a "*" elsewhere in the document (the action, a condition value) says
# nothing about which log groups it covers; only a "*" resource does, in a document written as a
# string, as jsonencode structure or in a policy document data source's `resources`.
test_star_outside_the_resources_no_fix if {
	other := "arn:aws:logs:eu-west-1:111122223333:log-group:other:*"
	action_star := json.patch(es_policy, [{"op": "replace", "path": "/config/policy_document", "value": sprintf(`{"Statement":[{"Principal":{"Service":"es.amazonaws.com"},"Action":"*","Resource":"%s"}]}`, [other])}])
	[f] := [f | some f in rule.deny] with input as {"resources": [domain_with(app_logs, {}), action_star]}
	not f.fix
	structured := json.patch(es_policy, [{"op": "replace", "path": "/config/policy_document", "value": {"Statement": [{"Principal": {"Service": "es.amazonaws.com"}, "Action": "logs:PutLogEvents", "Resource": [other, "*"]}]}}])
	[g] := [g | some g in rule.deny] with input as {"resources": [domain_with(app_logs, {}), structured]}
	count(g.fix) == 1
	doc := {"address": "data.aws_iam_policy_document.es", "mode": "data", "type": "aws_iam_policy_document", "name": "es", "references": [], "config": {"statement": [{
		"actions": ["logs:PutLogEvents"], "resources": ["*"],
		"principals": [{"type": "Service", "identifiers": ["es.amazonaws.com"]}],
	}]}}
	[h] := [h | some h in rule.deny] with input as {"resources": [domain_with(app_logs, {}), scoped(other)], "data": [doc]}
	count(h.fix) == 1
	doc_scoped := json.patch(doc, [{"op": "replace", "path": "/config/statement/0/resources", "value": [other]}, {"op": "add", "path": "/config/statement/0/actions/-", "value": "*"}])
	[k] := [k | some k in rule.deny] with input as {"resources": [domain_with(app_logs, {}), scoped(other)], "data": [doc_scoped]}
	not k.fix
}
