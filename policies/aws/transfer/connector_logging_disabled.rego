# METADATA
# title: Transfer Family connector does not log its transfers
# description: |
#   An AWS Transfer Family connector (AS2 or SFTP, sending files to or retrieving them from a
#   partner's server) writes a CloudWatch Logs record of each transfer only when it has a
#   logging_role that lets the service write to CloudWatch Logs. Without one it keeps no record of
#   which files it sent or fetched, to or from where, or which transfers failed. AWS Security Hub
#   (Transfer.3) asks for logging on connectors.
# related_resources:
#   - ref: https://docs.aws.amazon.com/transfer/latest/userguide/structured-logging.html
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/transfer-controls.html#transfer-3
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/transfer_connector#logging_role
# custom:
#   id: PAL-AWS-TRANSFER-003
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_transfer_connector]
#   frameworks: {}
#   references: {}
#   cwe: ["CWE-778"]
#   remediation: Set logging_role to an IAM role that Transfer Family can assume to write to CloudWatch Logs.
#   fixable: false
package palisade.aws.transfer.connector_logging_disabled

# Written for round 41 (Cloud Custodian's transfer-connector-logging-disabled, Security Hub
# Transfer.3). An unknown logging_role counts as set. Not fixable: the role and its trust are the
# owner's to create.

import data.palisade.lib.result
import data.palisade.lib.tf

deny contains result.fail(r, ["logging_role"], msg) if {
	some r in tf.resources("aws_transfer_connector")
	tf.unset(r, ["logging_role"])
	msg := sprintf("%s has no logging_role, so its file transfers are not logged", [r.address])
}
