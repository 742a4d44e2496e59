# METADATA
# title: AWS WAF web ACL or rule does not send metrics to CloudWatch
# description: |
#   Each WAFv2 web ACL, rule group and rule has a visibility_config whose
#   cloudwatch_metrics_enabled decides whether its allowed, blocked and counted requests reach
#   CloudWatch. With false, the rule's matches leave no metric: an attack it blocks (or a rule
#   that suddenly blocks legitimate traffic) raises no alarm and leaves no history. AWS Security
#   Hub (WAF.12) and the AWS Config rule wafv2-rulegroup-logging-enabled ask for the metrics.
# related_resources:
#   - ref: https://docs.aws.amazon.com/waf/latest/developerguide/waf-metrics.html
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/waf-controls.html#waf-12
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/wafv2_web_acl#visibility_config
# custom:
#   id: PAL-AWS-WAF-002
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_wafv2_web_acl, aws_wafv2_rule_group]
#   frameworks: {}
#   references: {}
#   cwe: ["CWE-778"]
#   remediation: Set cloudwatch_metrics_enabled = true in the visibility_config.
#   fixable: true
package palisade.aws.waf.rule_metrics_disabled

# cloudwatch_metrics_enabled is required in every visibility_config, as is metric_name, so
# turning the metrics on needs nothing else: the fix sets it to true. The string "false" counts
# (Terraform converts it for a bool argument).

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

types := ["aws_wafv2_web_acl", "aws_wafv2_rule_group"]

kind := {"aws_wafv2_web_acl": "web ACL", "aws_wafv2_rule_group": "rule group"}

# The web ACL's or rule group's own visibility_config (its default action's requests).
deny contains result.fail_fix(r, path, msg, [result.set(path, true)]) if {
	some t in types
	some r in tf.resources(t)
	some i, v in tf.blocks(r, "visibility_config")
	unknown.is_false(object.get(v, "cloudwatch_metrics_enabled", null))
	path := ["visibility_config", i, "cloudwatch_metrics_enabled"]
	msg := sprintf("%s does not send its %s metrics to CloudWatch (cloudwatch_metrics_enabled = false)", [r.address, kind[t]])
}

# Each rule's visibility_config.
deny contains result.fail_fix(r, path, msg, [result.set(path, true)]) if {
	some t in types
	some r in tf.resources(t)
	some j, rule in tf.blocks(r, "rule")
	some i, v in unknown.items(object.get(rule, "visibility_config", []))
	unknown.is_false(object.get(v, "cloudwatch_metrics_enabled", null))
	path := ["rule", j, "visibility_config", i, "cloudwatch_metrics_enabled"]
	msg := sprintf("%s does not send rule %v's metrics to CloudWatch (cloudwatch_metrics_enabled = false)", [r.address, object.get(rule, "name", j)])
}
