# METADATA
# title: DMS replication instance does not upgrade minor engine versions automatically
# description: |
#   A replication instance without auto_minor_version_upgrade = true stays on its engine minor
#   version: the security fixes and patches DMS ships in minor versions are not applied in the
#   maintenance window. Leaving the argument out is reported too: the provider sends false to
#   CreateReplicationInstance when it is unset (its documented default), so the API's own default
#   (true) never applies. AWS Security Hub (DMS.6) and the AWS Config rule
#   dms-auto-minor-version-upgrade-check ask for automatic minor upgrades.
# related_resources:
#   - ref: https://docs.aws.amazon.com/dms/latest/userguide/CHAP_ReplicationInstance.Modifying.html
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/dms-controls.html#dms-6
#   - ref: https://docs.aws.amazon.com/config/latest/developerguide/dms-auto-minor-version-upgrade-check.html
# custom:
#   id: PAL-AWS-DMS-003
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_dms_replication_instance]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_222
#   remediation: Set auto_minor_version_upgrade = true.
#   fixable: true
package palisade.aws.dms.auto_minor_upgrade_disabled

# The provider's argument is optional and computed, but its create call sends
# aws.Bool(d.Get("auto_minor_version_upgrade")), which is false when the argument is left out:
# unset is an instance without automatic minor upgrades (round 24 found the earlier reading, that
# the API's default applied, wrong). The string "false" counts (Terraform converts it for a bool
# argument); an unknown value is left alone.

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

path := ["auto_minor_version_upgrade"]

deny contains result.fail_fix(r, path, msg(r, value), [result.set(path, true)]) if {
	some r in tf.resources("aws_dms_replication_instance")
	value := tf.attr(r, path)
	unknown.not_true(value)
}

msg(r, null) := sprintf("%s does not set auto_minor_version_upgrade = true (left out, the provider creates the instance with false)", [r.address])

msg(r, value) := sprintf("%s does not apply minor engine upgrades automatically (auto_minor_version_upgrade = false)", [r.address]) if value != null
