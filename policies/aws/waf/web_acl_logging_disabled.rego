# METADATA
# title: AWS WAF web ACL does not log the requests it inspects
# description: |
#   A WAFv2 web ACL logs nothing until an aws_wafv2_web_acl_logging_configuration names it and a
#   destination (a CloudWatch Logs group, an S3 bucket or a Firehose stream whose name starts with
#   aws-waf-logs-). Without it there is no record of which requests a rule blocked or let through,
#   from where, or why: metrics count requests but cannot show an attack's payloads or sources.
#   AWS Security Hub (WAF.11) asks for logging on every web ACL.
#   The log destination (its name, retention and key) is the owner's choice: a fix is offered only
#   where the module already logs its other web ACLs of the same scope to one destination.
# related_resources:
#   - ref: https://docs.aws.amazon.com/waf/latest/developerguide/logging.html
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/waf-controls.html#waf-11
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/wafv2_web_acl_logging_configuration
# custom:
#   id: PAL-AWS-WAF-001
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_wafv2_web_acl, aws_wafv2_web_acl_logging_configuration]
#   frameworks: {}
#   references:
#     checkov: CKV2_AWS_31
#   cwe: ["CWE-778"]
#   remediation: >-
#     Add an aws_wafv2_web_acl_logging_configuration with resource_arn = the web ACL's arn and
#     log_destination_configs naming an aws-waf-logs-* log group, bucket or Firehose stream. The
#     fix adds one that logs to the destination the module's other web ACLs of the same scope
#     already log to, when there is exactly one and none of them redacts or filters.
#   fixable: true
package palisade.aws.waf.web_acl_logging_disabled

# A logging configuration whose resource_arn Palisade cannot tie to a web ACL of the unit (an
# unset variable, a module output) may be any ACL's: nothing is reported then.

import data.palisade.lib.fixes
import data.palisade.lib.result
import data.palisade.lib.tf

logging := "aws_wafv2_web_acl_logging_configuration"

deny contains fixes.finding(r, [], msg, copy_ops(r)) if {
	not tf.unresolved(logging, ["resource_arn"], "aws_wafv2_web_acl")
	some r in tf.resources("aws_wafv2_web_acl")
	count(tf.referencing(r.address, logging, ["resource_arn"])) == 0
	msg := sprintf("%s has no logging configuration: the requests it inspects are not logged", [r.address])
}

# The fix adds a logging configuration for the ACL with the destination of the module's other
# logging configurations, when each logs a web ACL of the same scope under the same provider
# configuration (a CLOUDFRONT ACL logs to us-east-1) to one and the same destination: it already
# accepts WAF's log delivery. A configuration that redacts fields or filters what it logs was
# written for that ACL's traffic; copying its destination without its redactions could log
# secrets, and copying the redactions is a judgement about this ACL: no fix then.
copy_ops(r) := [fixes.with_derived(
	result.add_resource(logging, r.name, {
		"resource_arn": result.expr(sprintf("%s.arn", [r.address])),
		"log_destination_configs": [destination],
	}),
	derived,
)] if {
	fixes.can_reference(r)
	not logging_named(r.name)
	copies := {c |
		some l in tf.resources(logging)
		object.get(l, "provider", null) == object.get(r, "provider", null)
		some acl in tf.resources("aws_wafv2_web_acl")
		fixes.sibling(r, acl)
		count(tf.references_to(l, ["resource_arn"], "aws_wafv2_web_acl")) > 0
		every ref in tf.references_to(l, ["resource_arn"], "aws_wafv2_web_acl") {
			tf.refers_to(ref.target, acl.address)
		}
		acl.config.scope == r.config.scope
		c := copy_of(l)
	}
	values := {c.value | some c in copies}
	count(values) == 1
	some destination in values
	derived := [c.derived | some c in copies]
} else := []

copy_of(l) := fixes.copied(l, ["log_destination_configs", 0], dests[0]) if {
	dests := l.config.log_destination_configs
	is_array(dests)
	count(dests) == 1
	count(tf.blocks(l, "redacted_fields")) == 0
	count(tf.blocks(l, "logging_filter")) == 0
}

logging_named(name) if {
	some l in tf.resources(logging)
	not l.module
	l.name == name
}
