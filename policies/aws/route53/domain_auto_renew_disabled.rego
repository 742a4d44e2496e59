# METADATA
# title: Route 53 registered domain does not renew automatically
# description: |
#   auto_renew = false lets the registration lapse at the end of its term unless someone renews it
#   by hand. An expired domain stops resolving (web sites, APIs and mail go dark) and, once the
#   registry's grace and redemption periods pass, anyone can register it and receive the mail,
#   password resets and certificate validations meant for its owner. Route 53 renews domains
#   automatically by default, and so does the provider (auto_renew defaults to true); only an
#   explicit false is reported.
# related_resources:
#   - ref: https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/domain-enable-disable-auto-renewal.html
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/route53domains_registered_domain#auto_renew
# custom:
#   id: PAL-AWS-ROUTE53-003
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_route53domains_registered_domain, aws_route53domains_domain]
#   frameworks: {}
#   references: {}
#   cwe: ["CWE-672"]
#   remediation: Set auto_renew = true (or remove it; true is the default), or renew the domain by other means before it expires.
#   fixable: false
package palisade.aws.route53.domain_auto_renew_disabled

# Round 36 (ScoutSuite route53-domain-no-autorenew). Not fixable: renewing charges the domain's
# yearly fee, a billing decision; a domain left to lapse on purpose is suppressed.

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

path := ["auto_renew"]

deny contains result.fail(r, path, msg) if {
	some r in array.concat(tf.resources("aws_route53domains_registered_domain"), tf.resources("aws_route53domains_domain"))
	unknown.is_false(object.get(r.config, path, null))
	msg := sprintf("%s expires at the end of its term unless renewed by hand (auto_renew = false)", [r.address])
}
