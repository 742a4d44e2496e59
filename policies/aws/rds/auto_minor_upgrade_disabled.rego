# METADATA
# title: RDS automatic minor version upgrades are disabled
# description: |
#   auto_minor_version_upgrade = false keeps the engine on an old minor version, missing security
#   patches that AWS would otherwise apply in the maintenance window. Opaque
#   terraform-aws-modules/rds calls are checked through their arguments. On aws_rds_cluster the
#   argument (default true) is the cluster-level setting AWS Security Hub checks as RDS.35.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_UpgradeDBInstance.Upgrading.html#USER_UpgradeDBInstance.Upgrading.AutoMinorVersionUpgrades
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-35
# custom:
#   id: PAL-AWS-RDS-007
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_db_instance, aws_rds_cluster_instance, aws_rds_cluster, "module:terraform-aws-modules/rds/aws"]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_226
#     kics: 3b6d777b-76e3-4133-80a3-0d6f667ade7f
#   remediation: Set auto_minor_version_upgrade = true (the default).
#   fixable: true
package palisade.aws.rds.auto_minor_upgrade_disabled

import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.unknown

# Round 33: aws_rds_cluster too; only an explicit false, as the provider defaults it to true.
types := {"aws_db_instance", "aws_rds_cluster_instance", "aws_rds_cluster"}

deny contains result.fail_fix(r, ["auto_minor_version_upgrade"], msg, [result.set(["auto_minor_version_upgrade"], true)]) if {
	some r in array.concat([r | some r in input.resources; r.type in types], modules.rds_instances)
	bad(object.get(r.config, "auto_minor_version_upgrade", null))
	msg := sprintf("%s disables automatic minor version upgrades", [r.address])
}

bad(v) if unknown.is_false(v)
