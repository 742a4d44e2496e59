# METADATA
# title: Network Firewall has no deletion protection
# description: |
#   delete_protection defaults to false: one API call (or a terraform destroy, or a replacement an
#   attribute change forces) deletes the firewall, and the VPC's traffic then flows uninspected,
#   or stops where the route tables still point at the firewall's endpoints. AWS Security Hub
#   (NetworkFirewall.9) asks for deletion protection.
# related_resources:
#   - ref: https://docs.aws.amazon.com/network-firewall/latest/developerguide/firewall-settings.html
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/networkfirewall-controls.html#networkfirewall-9
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/networkfirewall_firewall#delete_protection
# custom:
#   id: PAL-AWS-VPC-021
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_networkfirewall_firewall]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_344
#   remediation: Set delete_protection = true.
#   fixable: true
package palisade.aws.vpc.network_firewall_deletion_protection_disabled

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

path := ["delete_protection"]

deny contains result.fail_fix(r, path, msg, [result.set(path, true)]) if {
	some r in tf.resources("aws_networkfirewall_firewall")
	unknown.not_true(tf.attr(r, path))
	msg := sprintf("%s does not set delete_protection = true", [r.address])
}
