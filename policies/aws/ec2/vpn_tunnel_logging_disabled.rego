# METADATA
# title: Site-to-Site VPN tunnel does not log to CloudWatch Logs
# description: |
#   An AWS Site-to-Site VPN connection logs each tunnel's IKE negotiation, dead peer detection and
#   tunnel up or down events to CloudWatch Logs only when that tunnel's
#   tunnelN_log_options { cloudwatch_log_options { log_enabled = true } } is set; it is off by
#   default. Without the logs a tunnel that flaps, a peer that renegotiates with other parameters or
#   a gateway that someone else brings up leaves no record to investigate. Each of the two tunnels
#   has its own setting, so a connection logging one tunnel only is reported too. AWS Security Hub
#   (EC2.171) asks for logging on both tunnels.
# related_resources:
#   - ref: https://docs.aws.amazon.com/vpn/latest/s2svpn/monitoring-logs.html
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-171
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/vpn_connection#tunnel1_log_options
# custom:
#   id: PAL-AWS-EC2-018
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_vpn_connection]
#   frameworks: {}
#   references: {}
#   cwe: ["CWE-778"]
#   remediation: Set tunnel1_log_options and tunnel2_log_options { cloudwatch_log_options { log_enabled = true, log_group_arn = <log group ARN> } }.
#   fixable: false
package palisade.aws.ec2.vpn_tunnel_logging_disabled

# Written for round 41 (Cloud Custodian's vpn-tunnel-logging-disabled, Security Hub EC2.171). One
# finding per connection, on the first tunnel that does not log. An unknown block or log_enabled is
# left alone. Not fixable: the log group is the owner's, and a new one would add CloudWatch charges.

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

deny contains result.fail(r, first.path, msg) if {
	some r in tf.resources("aws_vpn_connection")
	silent := [t | some n in [1, 2]; some t in silent_tunnel(r, n)]
	count(silent) > 0
	first := silent[0]
	msg := sprintf("%s does not log tunnel %s to CloudWatch Logs", [r.address, concat(" or ", [sprintf("%d", [t.n]) | some t in silent])])
}

# silent_tunnel(r, n): a one-element list when tunnel n's logging is known to be off, with the path
# the finding points at; [] when the tunnel logs or its settings are unknown.
silent_tunnel(r, n) := [{"n": n, "path": [name]}] if {
	name := sprintf("tunnel%d_log_options", [n])
	object.get(r.config, name, null) == null
} else := [{"n": n, "path": path}] if {
	name := sprintf("tunnel%d_log_options", [n])
	some options in unknown.items(object.get(r.config, name, null))
	cloudwatch := object.get(options, "cloudwatch_log_options", null)
	cloudwatch == null
	path := [name, 0, "cloudwatch_log_options"]
} else := [{"n": n, "path": path}] if {
	name := sprintf("tunnel%d_log_options", [n])
	some options in unknown.items(object.get(r.config, name, null))
	some cloudwatch in unknown.items(object.get(options, "cloudwatch_log_options", null))
	enabled := object.get(cloudwatch, "log_enabled", false)
	unknown.known(enabled)
	not unknown.is_true(enabled)
	path := [name, 0, "cloudwatch_log_options", 0, "log_enabled"]
} else := []
