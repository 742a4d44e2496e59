# METADATA
# title: Client VPN endpoint does not log client connections
# description: |
#   With connection_log_options { enabled = false } an AWS Client VPN endpoint keeps no record of
#   who connected, from which address, when, or of the connection attempts it refused: after a
#   stolen certificate or federated account is used there is nothing to investigate with. Enabled,
#   the endpoint writes each connection event to a CloudWatch Logs group (the block is required by
#   the provider; enabled needs cloudwatch_log_group). AWS Security Hub (EC2.51) and the AWS Config
#   rule ec2-client-vpn-connection-log-enabled ask for it.
#   The fix turns logging on; when the block names no log group it adds one beside the endpoint,
#   kept a year and encrypted with a customer managed key CloudWatch Logs may use (Client VPN's
#   service-linked role writes to it).
# related_resources:
#   - ref: https://docs.aws.amazon.com/vpn/latest/clientvpn-admin/connection-logging.html
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-51
#   - ref: https://docs.aws.amazon.com/config/latest/developerguide/ec2-client-vpn-connection-log-enabled.html
# custom:
#   id: PAL-AWS-EC2-012
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_ec2_client_vpn_endpoint]
#   frameworks: {}
#   cwe: ["CWE-778"]
#   remediation: Set connection_log_options { enabled = true, cloudwatch_log_group = aws_cloudwatch_log_group.<name>.name }.
#   fixable: true
package palisade.aws.ec2.client_vpn_connection_logging_disabled

# Written for session 17's held-out round (binbash Leverage's client-vpn layer logs connections;
# the pack had no rule for the endpoint at all). An unknown enabled is left alone.

import data.palisade.lib.fixes
import data.palisade.lib.result
import data.palisade.lib.tf

deny contains fixes.finding(r, path, msg, enable_ops(r, i, options)) if {
	some r in tf.resources("aws_ec2_client_vpn_endpoint")
	some i, options in tf.blocks(r, "connection_log_options")
	object.get(options, "enabled", null) == false
	path := ["connection_log_options", i, "enabled"]
	msg := sprintf("%s does not log client connections", [r.address])
}

# The block already names a log group (or reads one): turning logging on is enough. Otherwise a
# log group is added beside the endpoint, encrypted with a customer managed key CloudWatch Logs may
# use (fixes.new_log_group, as the pack's other logging fixes add one), unless the endpoint is one
# instance of many or inside a module, or a log group or key of that name exists: then no fix.
enable_ops(r, i, options) := [result.set(["connection_log_options", i, "enabled"], true)] if {
	names_log_group(options)
} else := array.concat(group_ops, [
	result.set(["connection_log_options", i, "enabled"], true),
	result.set(["connection_log_options", i, "cloudwatch_log_group"], result.expr(sprintf("aws_cloudwatch_log_group.%s.name", [r.name]))),
]) if {
	group_ops := fixes.new_log_group(r, r.name, {"name": sprintf("/aws/client-vpn/%s", [r.name])})
} else := []

names_log_group(options) if {
	group := object.get(options, "cloudwatch_log_group", null)
	group != null
	group != ""
}
