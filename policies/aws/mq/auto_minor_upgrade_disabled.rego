# METADATA
# title: Amazon MQ broker does not upgrade minor engine versions automatically
# description: |
#   auto_minor_version_upgrade defaults to false, so the broker stays on its engine minor version
#   and misses the security fixes Amazon MQ would otherwise apply in the maintenance window.
# related_resources:
#   - ref: https://docs.aws.amazon.com/amazon-mq/latest/developer-guide/upgrading-brokers.html
# custom:
#   id: PAL-AWS-MQ-004
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_mq_broker]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_207
#   remediation: Set auto_minor_version_upgrade = true.
#   fixable: true
package palisade.aws.mq.auto_minor_upgrade_disabled

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

path := ["auto_minor_version_upgrade"]

deny contains result.fail_fix(r, path, msg, [result.set(path, true)]) if {
	some r in tf.resources("aws_mq_broker")
	unknown.not_true(tf.attr(r, path))
	msg := sprintf("%s does not set auto_minor_version_upgrade = true", [r.address])
}
