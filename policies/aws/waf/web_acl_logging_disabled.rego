# METADATA
# title: AWS WAF web ACL does not log the requests it inspects
# description: |
#   A WAFv2 web ACL logs nothing until an aws_wafv2_web_acl_logging_configuration names it and a
#   destination (a CloudWatch Logs group, an S3 bucket or a Firehose stream whose name starts with
#   aws-waf-logs-). Without it there is no record of which requests a rule blocked or let through,
#   from where, or why: metrics count requests but cannot show an attack's payloads or sources.
#   AWS Security Hub (WAF.11) asks for logging on every web ACL.
#   No fix is offered: the log destination (its name, retention and key) is the owner's choice.
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
#     log_destination_configs naming an aws-waf-logs-* log group, bucket or Firehose stream.
#   fixable: false
package palisade.aws.waf.web_acl_logging_disabled

# A logging configuration whose resource_arn Palisade cannot tie to a web ACL of the unit (an
# unset variable, a module output) may be any ACL's: nothing is reported then.

import data.palisade.lib.result
import data.palisade.lib.tf

logging := "aws_wafv2_web_acl_logging_configuration"

deny contains result.fail(r, [], msg) if {
	not tf.unresolved(logging, ["resource_arn"], "aws_wafv2_web_acl")
	some r in tf.resources("aws_wafv2_web_acl")
	count(tf.referencing(r.address, logging, ["resource_arn"])) == 0
	msg := sprintf("%s has no logging configuration: the requests it inspects are not logged", [r.address])
}
