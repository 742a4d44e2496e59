# METADATA
# title: Route 53 public hosted zone does not sign its records with DNSSEC
# description: |
#   Without DNSSEC signing, a resolver has no way to tell the zone's real answers from forged ones,
#   so a cache-poisoning or on-path attacker can send the domain's users (web, mail, API clients)
#   to addresses of their choosing. Route 53 signs a public zone only when DNSSEC signing is
#   enabled for it (aws_route53_hosted_zone_dnssec, which needs an active key-signing key backed by
#   an asymmetric ECC_NIST_P256 KMS key in us-east-1); a key-signing key alone signs nothing.
#   Reported: a public zone (no vpc block) that no aws_route53_hosted_zone_dnssec of the unit
#   names, directly or through its key-signing key, and a hosted_zone_dnssec resource whose
#   signing_status is NOT_SIGNING. Private zones are not judged (Route 53 does not sign them).
#   Validation also needs the DS record at the parent zone or registrar, which the configuration
#   may not hold, so that half is not judged.
# related_resources:
#   - ref: https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/dns-configuring-dnssec.html
#   - ref: https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/dns-configuring-dnssec-enable-signing.html
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/route53_hosted_zone_dnssec
# custom:
#   id: PAL-AWS-ROUTE53-004
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_route53_zone, aws_route53_hosted_zone_dnssec, aws_route53_key_signing_key]
#   frameworks: {}
#   references:
#     checkov: CKV2_AWS_38
#   cwe: ["CWE-345"]
#   remediation: >-
#     Add an aws_route53_key_signing_key (KMS key ECC_NIST_P256, SIGN_VERIFY, us-east-1) and an
#     aws_route53_hosted_zone_dnssec for the zone, then publish the DS record at the parent.
#   fixable: false
package palisade.aws.route53.zone_dnssec_disabled

# Session 22's CKV2_AWS_38 gap. No fix: signing needs a KMS key of its own with a key policy for
# dnssec-route53.amazonaws.com in us-east-1, and a DS record at the registrar, neither of which an
# edit of this file can choose or publish.

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

deny contains result.fail(r, [], msg) if {
	not unresolved_signing
	some r in tf.resources("aws_route53_zone")
	tf.missing_attr(r, ["vpc"])
	count(signing_resources(r.address)) == 0
	msg := sprintf("%s is a public hosted zone without DNSSEC signing", [r.address])
}

deny contains result.fail(d, ["signing_status"], msg) if {
	some d in tf.resources("aws_route53_hosted_zone_dnssec")
	object.get(d.config, "signing_status", null) == "NOT_SIGNING"
	msg := sprintf("%s sets signing_status = \"NOT_SIGNING\": the zone's records are not signed", [d.address])
}

# The hosted_zone_dnssec resources naming the zone, directly (aws_route53_zone.x.id / .zone_id)
# or through a key-signing key (aws_route53_key_signing_key.x.hosted_zone_id, the provider's own
# example). One that turns signing off still counts here: the second rule reports it, once.
signing_resources(zone) := {d.address |
	some d in tf.referencing(zone, "aws_route53_hosted_zone_dnssec", ["hosted_zone_id"])
} | {d.address |
	some k in tf.referencing(zone, "aws_route53_key_signing_key", ["hosted_zone_id"])
	some d in tf.referencing(k.address, "aws_route53_hosted_zone_dnssec", ["hosted_zone_id"])
}

# A hosted_zone_dnssec whose zone Palisade cannot tie to a zone of the unit (a variable, a data
# source, a module output) may sign any of them: stay quiet.
unresolved_signing if {
	some d in tf.resources("aws_route53_hosted_zone_dnssec")
	unknown.is_unknown(tf.attr(d, ["hosted_zone_id"]))
	count(tf.references_to(d, ["hosted_zone_id"], "aws_route53_zone")) == 0
	count(tf.references_to(d, ["hosted_zone_id"], "aws_route53_key_signing_key")) == 0
}

unresolved_signing if {
	some d in tf.resources("aws_route53_hosted_zone_dnssec")
	some ref in tf.references_to(d, ["hosted_zone_id"], "aws_route53_key_signing_key")
	some k in tf.resources("aws_route53_key_signing_key")
	tf.refers_to(ref.target, k.address)
	unknown.is_unknown(tf.attr(k, ["hosted_zone_id"]))
	count(tf.references_to(k, ["hosted_zone_id"], "aws_route53_zone")) == 0
}
