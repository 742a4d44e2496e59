# METADATA
# title: Route 53 registered domain is not locked against transfer
# description: |
#   transfer_lock = false lets anyone who obtains the domain's authorization code, or talks the
#   registrar into acting, move the domain to another registrar and take over its DNS, mail and
#   certificates. Route 53 locks domains against transfer by default; the lock is only lifted for
#   a transfer the owner is making. The provider defaults transfer_lock to true, so only an explicit
#   false is reported. A few registries do not support the lock (EnableDomainTransferLock then
#   fails with TLDRulesViolation); for such a domain false is what the provider needs, and the
#   finding is to be suppressed rather than fixed.
# related_resources:
#   - ref: https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/domain-lock.html
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/route53domains_registered_domain#transfer_lock
# custom:
#   id: PAL-AWS-ROUTE53-002
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_route53domains_registered_domain, aws_route53domains_domain]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_377
#   cwe: ["CWE-284"]
#   remediation: Set transfer_lock = true (or remove it; true is the default) unless a transfer is under way.
#   fixable: true
package palisade.aws.route53.domain_transfer_lock_disabled

# Round 33 (Prowler route53_domains_transferlock_enabled). The fix sets the lock in place.

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

path := ["transfer_lock"]

deny contains result.fail_fix(r, path, msg, [result.set(path, true)]) if {
	some r in array.concat(tf.resources("aws_route53domains_registered_domain"), tf.resources("aws_route53domains_domain"))
	unknown.is_false(object.get(r.config, path, null))
	msg := sprintf("%s can be transferred to another registrar (transfer_lock = false)", [r.address])
}
