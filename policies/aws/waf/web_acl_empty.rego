# METADATA
# title: AWS WAF web ACL has no rules and allows every request
# description: |
#   A WAFv2 web ACL with no rule and no rule group inspects nothing: every request gets the
#   default action. With default_action allow, the protected CloudFront distribution, load
#   balancer or API passes all traffic as if no web ACL were associated, while the association
#   suggests it is protected. AWS Security Hub (WAF.10) and the AWS Config rule
#   wafv2-webacl-not-empty ask for at least one rule or rule group. An empty web ACL whose
#   default action is block is a deliberate deny-all and is not reported.
#   No fix is offered: which rules (managed rule groups, rate limits, IP sets) fit the
#   application is the owner's choice, and a rule that blocks can break legitimate traffic.
# related_resources:
#   - ref: https://docs.aws.amazon.com/waf/latest/developerguide/web-acl.html
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/waf-controls.html#waf-10
#   - ref: https://docs.aws.amazon.com/config/latest/developerguide/wafv2-webacl-not-empty.html
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/wafv2_web_acl
# custom:
#   id: PAL-AWS-WAF-003
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_wafv2_web_acl, aws_wafv2_web_acl_rule_group_association, aws_wafv2_web_acl_rule]
#   frameworks:
#     nist-800-53: ["SC-7"]
#   references:
#     checkov: CKV_AWS_175
#   cwe: ["CWE-693"]
#   remediation: >-
#     Add at least one rule or rule group (for example an AWS managed rule group such as
#     AWSManagedRulesCommonRuleSet) to the web ACL, or make its default action block.
#   fixable: false
package palisade.aws.waf.web_acl_empty

# Rules may come from the web ACL's `rule` blocks (a dynamic "rule" over a known empty
# collection adds none; over an unknown one the key is unknown and counts as rules), from
# `rule_json` (provider 5.x+), or from aws_wafv2_web_acl_rule_group_association and
# aws_wafv2_web_acl_rule resources (provider 6.x; the ACL then ignores changes to `rule` and has
# no rule block) naming the ACL. One whose web_acl_arn Palisade cannot tie to an ACL of the unit
# may be this one's: nothing is reported then.

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

rule_sources := ["aws_wafv2_web_acl_rule_group_association", "aws_wafv2_web_acl_rule"]

deny contains result.fail(r, [], msg) if {
	every t in rule_sources {
		not tf.unresolved(t, ["web_acl_arn"], "aws_wafv2_web_acl")
	}
	some r in tf.resources("aws_wafv2_web_acl")
	no_rules(r)
	allows(r)
	not associated(r.address)
	not rules_managed_elsewhere(r)
	msg := sprintf("%s has no rules and its default action allows every request", [r.address])
}

# The web ACLs rule group associations name, collected once (not a walk of all resources per ACL).
association_targets contains ref.target if {
	some t in rule_sources
	some a in tf.resources(t)
	some ref in a.references
	ref.path == ["web_acl_arn"]
}

associated(address) if {
	some target in association_targets
	tf.refers_to(target, address)
}

# lifecycle { ignore_changes = [rule] } (or all) hands the ACL's rules to another configuration or
# service (Firewall Manager, a separate rules pipeline): an empty rule list here then says nothing.
rules_managed_elsewhere(r) if r.ignore_changes == "all"

rules_managed_elsewhere(r) if "rule" in r.ignore_changes

no_rules(r) if {
	object.get(r.config, "rule", []) == []
	tf.unset(r, ["rule_json"])
}

# default_action { allow {} }: known, with an allow block and no block block.
allows(r) if {
	some action in tf.blocks(r, "default_action")
	count(unknown.items(object.get(action, "allow", []))) > 0
	count(unknown.items(object.get(action, "block", []))) == 0
}
