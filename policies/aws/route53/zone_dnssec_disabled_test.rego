package palisade.aws.route53.zone_dnssec_disabled_test

import data.palisade.aws.route53.zone_dnssec_disabled as rule

zone := {"address": "aws_route53_zone.public", "type": "aws_route53_zone", "name": "public", "config": {"name": "example.com"}, "references": []}

ksk := {
	"address": "aws_route53_key_signing_key.k", "type": "aws_route53_key_signing_key", "name": "k",
	"config": {"hosted_zone_id": {"$unknown": "aws_route53_zone.public.id"}, "name": "k"},
	"references": [{"path": ["hosted_zone_id"], "target": "aws_route53_zone.public", "attribute": "id"}],
}

dnssec(config, refs) := {"address": "aws_route53_hosted_zone_dnssec.d", "type": "aws_route53_hosted_zone_dnssec", "name": "d", "config": config, "references": refs}

via_ksk := dnssec(
	{"hosted_zone_id": {"$unknown": "aws_route53_key_signing_key.k.hosted_zone_id"}},
	[{"path": ["hosted_zone_id"], "target": "aws_route53_key_signing_key.k", "attribute": "hosted_zone_id"}],
)

test_fires_without_signing if {
	rule.deny == {{"msg": "aws_route53_zone.public is a public hosted zone without DNSSEC signing", "resource": "aws_route53_zone.public", "path": []}} with input as {"resources": [zone]}
}

test_key_signing_key_alone_does_not_sign if {
	count(rule.deny) == 1 with input as {"resources": [zone, ksk]}
}

test_passes_with_dnssec_through_key if {
	count(rule.deny) == 0 with input as {"resources": [zone, ksk, via_ksk]}
}

test_passes_with_dnssec_on_zone if {
	d := dnssec({"hosted_zone_id": {"$unknown": "aws_route53_zone.public.zone_id"}}, [{"path": ["hosted_zone_id"], "target": "aws_route53_zone.public", "attribute": "zone_id"}])
	count(rule.deny) == 0 with input as {"resources": [zone, d]}
}

test_not_signing_reported_once if {
	d := dnssec(
		{"hosted_zone_id": {"$unknown": "aws_route53_key_signing_key.k.hosted_zone_id"}, "signing_status": "NOT_SIGNING"},
		via_ksk.references,
	)
	rule.deny == {{"msg": "aws_route53_hosted_zone_dnssec.d sets signing_status = \"NOT_SIGNING\": the zone's records are not signed", "resource": "aws_route53_hosted_zone_dnssec.d", "path": ["signing_status"]}} with input as {"resources": [zone, ksk, d]}
}

test_skips_private_zone if {
	private := object.union(zone, {"config": {"name": "corp.internal", "vpc": [{"vpc_id": "vpc-1"}]}})
	count(rule.deny) == 0 with input as {"resources": [private]}
}

test_unresolved_dnssec_does_not_fire if {
	d := dnssec({"hosted_zone_id": {"$unknown": "var.zone_id"}}, [])
	count(rule.deny) == 0 with input as {"resources": [zone, d]}
}

test_unresolved_key_does_not_fire if {
	k := object.union(ksk, {"config": {"hosted_zone_id": {"$unknown": "var.zone_id"}, "name": "k"}, "references": []})
	count(rule.deny) == 0 with input as {"resources": [zone, k, via_ksk]}
}
