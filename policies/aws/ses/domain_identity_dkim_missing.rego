# METADATA
# title: SES domain identity does not sign its mail with DKIM
# description: |
#   An aws_ses_domain_identity (SES API v1, VerifyDomainIdentity) sets up no DKIM: SES signs the
#   domain's mail only after DKIM tokens are generated for it (aws_ses_domain_dkim,
#   VerifyDomainDkim) and published as CNAME records. Unsigned, the mail carries nothing a receiver
#   can check against the domain: with SES's default MAIL FROM (amazonses.com) neither SPF nor DKIM
#   aligns with the From domain, so it fails DMARC, and the domain cannot publish a strict DMARC
#   policy against spoofed mail without rejecting its own. Reported: a domain identity that no
#   aws_ses_domain_dkim of the unit names (by reference or the same literal domain). An
#   aws_sesv2_email_identity for a domain sets up Easy DKIM by itself and is not judged.
# related_resources:
#   - ref: https://docs.aws.amazon.com/ses/latest/dg/send-email-authentication-dkim.html
#   - ref: https://docs.aws.amazon.com/ses/latest/dg/send-email-authentication-dmarc.html
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ses_domain_dkim
# custom:
#   id: PAL-AWS-SES-003
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_ses_domain_identity, aws_ses_domain_dkim]
#   frameworks: {}
#   references: {}
#   cwe: ["CWE-345"]
#   remediation: >-
#     Add an aws_ses_domain_dkim for the domain and publish its three dkim_tokens as CNAME records
#     (<token>._domainkey.<domain> to <token>.dkim.amazonses.com).
#   fixable: false
package palisade.aws.ses.domain_identity_dkim_missing

# Session 22's SES DKIM gap. No fix: aws_ses_domain_dkim alone only generates tokens; signing
# starts when their CNAME records are published in the domain's DNS, which may not be in this
# configuration. A fix would silence the finding while the mail stays unsigned.

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

deny contains result.fail(r, [], msg) if {
	not unresolved_dkim
	some r in tf.resources("aws_ses_domain_identity")
	not has_dkim(r)
	msg := sprintf("%s has no DKIM (no aws_ses_domain_dkim for the domain): its mail goes out unsigned", [r.address])
}

has_dkim(r) if count(tf.referencing(r.address, "aws_ses_domain_dkim", ["domain"])) > 0

has_dkim(r) if {
	domain := r.config.domain
	is_string(domain)
	some k in tf.resources("aws_ses_domain_dkim")
	object.get(k.config, "domain", null) == domain
}

# A DKIM resource whose domain is unknown and names no identity of the unit may be for any of them.
unresolved_dkim if {
	some k in tf.resources("aws_ses_domain_dkim")
	unknown.is_unknown(tf.attr(k, ["domain"]))
	count(tf.references_to(k, ["domain"], "aws_ses_domain_identity")) == 0
}
