# METADATA
# title: Redshift cluster does not take major version upgrades
# description: |
#   allow_version_upgrade = false keeps the cluster off the major engine upgrades Redshift applies
#   in the maintenance window, with the security fixes they carry. The provider's default is true,
#   so only an explicit false is reported. AWS Security Hub (Redshift.6) and the AWS Config rule
#   redshift-cluster-maintenancesettings-check ask for automatic upgrades.
# related_resources:
#   - ref: https://docs.aws.amazon.com/redshift/latest/mgmt/working-with-clusters.html#rs-maintenance-windows
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/redshift-controls.html#redshift-6
# custom:
#   id: PAL-AWS-REDSHIFT-009
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_redshift_cluster]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_141
#   remediation: Set allow_version_upgrade = true (or leave it out).
#   fixable: true
package palisade.aws.redshift.version_upgrade_disabled

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

path := ["allow_version_upgrade"]

deny contains result.fail_fix(r, path, msg, [result.set(path, true)]) if {
	some r in tf.resources("aws_redshift_cluster")
	unknown.is_false(object.get(r.config, "allow_version_upgrade", null))
	msg := sprintf("%s does not take major version upgrades (allow_version_upgrade = false)", [r.address])
}
