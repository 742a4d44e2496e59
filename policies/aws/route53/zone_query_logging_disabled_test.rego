package palisade.aws.route53.zone_query_logging_disabled_test

import data.palisade.aws.route53.zone_query_logging_disabled as rule

test_fires_without_query_log if {
	rule.deny == {{"msg": "aws_route53_zone.public has no DNS query logging", "resource": "aws_route53_zone.public", "path": []}} with input as {"resources": [{"address": "aws_route53_zone.public", "type": "aws_route53_zone", "name": "public", "config": {"name": "example.com"}, "references": []}]}
}

test_passes_with_query_log if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_route53_zone.public", "type": "aws_route53_zone", "name": "public", "config": {"name": "example.com"}, "references": []}, {"address": "aws_route53_query_log.public", "type": "aws_route53_query_log", "name": "public", "config": {"zone_id": {"$unknown": "aws_route53_zone.public.zone_id"}}, "references": [{"path": ["zone_id"], "target": "aws_route53_zone.public", "attribute": "zone_id"}]}]}
}

test_skips_private_zone if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_route53_zone.public", "type": "aws_route53_zone", "name": "public", "config": {"name": "corp.internal", "vpc": [{"vpc_id": "vpc-1"}]}, "references": []}]}
}

test_unresolved_query_log_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_route53_zone.public", "type": "aws_route53_zone", "name": "public", "config": {"name": "example.com"}, "references": []}, {"address": "aws_route53_query_log.public", "type": "aws_route53_query_log", "name": "public", "config": {"zone_id": {"$unknown": "var.x"}}, "references": []}]}
}

# The fix logs the zone to the log group the module's other public zone already logs to.
zone(name) := {"address": sprintf("aws_route53_zone.%s", [name]), "type": "aws_route53_zone", "name": name, "config": {"name": sprintf("%s.example.com", [name])}, "references": []}

query_log := {
	"address": "aws_route53_query_log.api", "type": "aws_route53_query_log", "name": "api",
	"config": {"zone_id": {"$unknown": "aws_route53_zone.api.zone_id"}, "cloudwatch_log_group_arn": {"$unknown": "aws_cloudwatch_log_group.dns.arn"}},
	"references": [{"path": ["zone_id"], "target": "aws_route53_zone.api"}, {"path": ["cloudwatch_log_group_arn"], "target": "aws_cloudwatch_log_group.dns"}],
}

delivery_policy(condition) := {
	"address": "aws_cloudwatch_log_resource_policy.dns", "type": "aws_cloudwatch_log_resource_policy", "name": "dns",
	"config": {"policy_document": {"Statement": [object.union({"Effect": "Allow", "Principal": {"Service": "route53.amazonaws.com"}, "Action": ["logs:CreateLogStream", "logs:PutLogEvents"], "Resource": "arn:aws:logs:us-east-1:111122223333:log-group:/aws/route53/*"}, condition)]}},
	"references": [],
}

test_fix_copies_the_siblings_log_group if {
	findings := rule.deny with input as {"resources": [zone("www"), zone("api"), query_log, delivery_policy({})]}
	findings == {{"msg": "aws_route53_zone.www has no DNS query logging", "resource": "aws_route53_zone.www", "path": [], "fix": [{
		"op": "add_resource", "type": "aws_route53_query_log", "name": "www",
		"config": {"cloudwatch_log_group_arn": {"$expr": "aws_cloudwatch_log_group.dns.arn"}, "zone_id": {"$expr": "aws_route53_zone.www.zone_id"}},
		"derived_from": [{"resource": "aws_route53_query_log.api", "path": ["cloudwatch_log_group_arn"], "text": "aws_cloudwatch_log_group.dns.arn"}],
	}]}}
	every_zone := rule.deny with input as {"resources": [zone("www"), zone("api"), query_log, delivery_policy({"Condition": {"ArnLike": {"aws:SourceArn": "arn:aws:route53:::hostedzone/*"}}})]}
	every_zone == findings
}

test_no_fix_when_delivery_is_narrowed_to_named_zones if {
	narrowed := delivery_policy({"Condition": {"ArnLike": {"aws:SourceArn": "arn:aws:route53:::hostedzone/Z0123456789"}}})
	findings := rule.deny with input as {"resources": [zone("www"), zone("api"), query_log, narrowed]}
	findings == {{"msg": "aws_route53_zone.www has no DNS query logging", "resource": "aws_route53_zone.www", "path": []}}
	unknown_policy := json.patch(delivery_policy({}), [{"op": "replace", "path": "/config/policy_document", "value": {"$unknown": "var.policy"}}])
	f2 := rule.deny with input as {"resources": [zone("www"), zone("api"), query_log, unknown_policy]}
	f2 == findings
}
