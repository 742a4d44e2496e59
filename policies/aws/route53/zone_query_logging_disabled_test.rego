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
