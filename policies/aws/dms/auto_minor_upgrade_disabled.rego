# METADATA
# title: DMS replication instance does not upgrade minor engine versions automatically
# description: |
#   auto_minor_version_upgrade = false keeps the replication instance on its engine minor version:
#   the security fixes and patches DMS ships in minor versions are not applied in the maintenance
#   window. Left out, the DMS API's default (true) applies, so only an explicit false is reported.
#   AWS Security Hub (DMS.6) and the AWS Config rule dms-auto-minor-version-upgrade-check ask for
#   automatic minor upgrades.
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
#   remediation: Set auto_minor_version_upgrade = true (or leave it out).
#   fixable: true
package palisade.aws.dms.auto_minor_upgrade_disabled

# The provider's argument is optional and computed: unset, CreateReplicationInstance applies its
# own default, true. The string "false" counts (Terraform converts it for a bool argument).

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

path := ["auto_minor_version_upgrade"]

deny contains result.fail_fix(r, path, msg, [result.set(path, true)]) if {
	some r in tf.resources("aws_dms_replication_instance")
	unknown.is_false(object.get(r.config, "auto_minor_version_upgrade", null))
	msg := sprintf("%s does not apply minor engine upgrades automatically (auto_minor_version_upgrade = false)", [r.address])
}
