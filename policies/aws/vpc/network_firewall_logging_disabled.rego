# METADATA
# title: Network Firewall does not log
# description: |
#   A Network Firewall firewall logs nothing until an aws_networkfirewall_logging_configuration
#   names a destination for its alert or flow logs. Without one, the traffic its stateful rules
#   dropped or alerted on, and the flows it passed, leave no record: an intrusion the firewall saw
#   cannot be investigated and a rule that silently drops legitimate traffic cannot be diagnosed.
#   AWS Security Hub (NetworkFirewall.2) asks for logging of at least one log type. A firewall is
#   reported when no logging configuration of the unit references it and none has a firewall_arn
#   the scan cannot tie to a firewall (it may be this one).
#   The fix adds a logging configuration that sends ALERT logs to a new log group (kept one year,
#   encrypted with a key of its own).
# related_resources:
#   - ref: https://docs.aws.amazon.com/network-firewall/latest/developerguide/firewall-logging.html
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/networkfirewall-controls.html#networkfirewall-2
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/networkfirewall_logging_configuration
# custom:
#   id: PAL-AWS-VPC-022
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_networkfirewall_firewall, aws_networkfirewall_logging_configuration]
#   frameworks: {}
#   references:
#     checkov: CKV2_AWS_63
#   cwe: ["CWE-778"]
#   remediation: >-
#     Add an aws_networkfirewall_logging_configuration with firewall_arn = the firewall's arn and a
#     log_destination_config for ALERT (and, if wanted, FLOW) logs.
#   fixable: true
package palisade.aws.vpc.network_firewall_logging_disabled

# The fix logs ALERT only: alert logs record what the stateful rules matched with an alert or
# drop action, which is what an investigation needs; FLOW logs every flow, a volume (and cost)
# the owner should choose. CloudWatch Logs is the destination: Network Firewall delivers through
# CloudWatch Logs' vended-log delivery, which adds the log group's resource policy itself (an S3
# destination would rewrite the bucket policy). The /aws/vendedlogs/ prefix lets one such
# policy cover every group; name_prefix avoids a collision when the configuration is applied twice
# in one account and region. A firewall that is one instance of several, or lives in a child
# module, gets no fix (fixes.new_log_group).

import data.palisade.lib.fixes
import data.palisade.lib.result
import data.palisade.lib.tf

# The firewalls a logging configuration names, collected once (not per firewall).
logged_targets contains ref.target if {
	some lc in tf.resources("aws_networkfirewall_logging_configuration")
	some ref in lc.references
	ref.path == ["firewall_arn"]
}

deny contains fixes.finding(r, [], msg, ops(r)) if {
	not tf.unresolved("aws_networkfirewall_logging_configuration", ["firewall_arn"], "aws_networkfirewall_firewall")
	some r in tf.resources("aws_networkfirewall_firewall")
	not logged(r)
	msg := sprintf("%s has no logging configuration (no alert or flow logs)", [r.address])
}

logged(r) if {
	some target in logged_targets
	tf.refers_to(target, r.address)
}

ops(r) := array.concat(group, [config]) if {
	not fixes.resource_named("aws_networkfirewall_logging_configuration", r.name)
	name := sprintf("%s_alerts", [r.name])
	group := fixes.new_log_group(r, name, {"name_prefix": sprintf("/aws/vendedlogs/network-firewall/%s-", [r.name])})
	config := result.add_resource("aws_networkfirewall_logging_configuration", r.name, {
		"firewall_arn": result.expr(sprintf("aws_networkfirewall_firewall.%s.arn", [r.name])),
		"logging_configuration": [{"log_destination_config": [{
			"log_destination": {"logGroup": result.expr(sprintf("aws_cloudwatch_log_group.%s.name", [name]))},
			"log_destination_type": "CloudWatchLogs",
			"log_type": "ALERT",
		}]}],
	})
} else := []
