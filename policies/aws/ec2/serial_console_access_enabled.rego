# METADATA
# title: EC2 serial console access is enabled for the account
# description: |
#   aws_ec2_serial_console_access with enabled = true (its default) turns on the EC2 serial console
#   for every instance of the account in the Region: anyone allowed
#   ec2-instance-connect:SendSerialConsoleSSHPublicKey reaches an instance's console whatever its
#   security groups, network ACLs and network, and can log in with any operating-system password.
#   AWS leaves it off by default and advises turning it on only while troubleshooting.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configure-access-to-serial-console.html
#   - ref: https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ec2-serial-console.html
# custom:
#   id: PAL-AWS-EC2-019
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_ec2_serial_console_access]
#   frameworks: {}
#   references: {}
#   cwe: ["CWE-284"]
#   remediation: Set enabled = false, and turn the serial console on only while troubleshooting.
#   fixable: true
package palisade.aws.ec2.serial_console_access_enabled

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

# Round 44 (ElectricEye's EC2.5 reads the account's GetSerialConsoleAccessStatus). The resource's
# `enabled` defaults to true, so an unset one turns the console on as well; the fix writes false,
# the account's own default.
deny contains result.fail_fix(r, ["enabled"], msg, [result.set(["enabled"], false)]) if {
	some r in tf.resources("aws_ec2_serial_console_access")
	enabled(object.get(r.config, "enabled", null))
	msg := sprintf("%s turns on EC2 serial console access for the account", [r.address])
}

enabled(null)

enabled(v) if unknown.is_true(v)
