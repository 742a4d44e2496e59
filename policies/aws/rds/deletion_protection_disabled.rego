# METADATA
# title: RDS deletion protection is not enabled
# description: |
#   Without deletion protection a single mistaken terraform destroy, a renamed resource or an API
#   call deletes the database. Deletion protection makes deletion a deliberate two-step action.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_DeleteInstance.html#USER_DeleteInstance.DeletionProtection
# custom:
#   id: PAL-AWS-RDS-004
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_db_instance, aws_rds_cluster, "module:terraform-aws-modules/rds/aws", "module:terraform-aws-modules/rds-aurora/aws"]
#   frameworks: {}
#   references:
#     checkov: [CKV_AWS_293, CKV_AWS_139]
#   remediation: Set deletion_protection = true.
#   fixable: true
package palisade.aws.rds.deletion_protection_disabled

import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.unknown

types := {"aws_db_instance", "aws_rds_cluster"}

deny contains result.fail_fix(r, ["deletion_protection"], msg, [result.set(["deletion_protection"], true)]) if {
	some r in input.resources
	r.type in types
	bad(object.get(r.config, "deletion_protection", null))
	msg := sprintf("%s does not have deletion protection enabled", [r.address])
}

# Opaque rds and rds-aurora calls pass deletion_protection to the instance or cluster; it defaults
# to false in every major (null, the provider's false, in rds-aurora v9).
deny contains result.fail_fix(m, ["deletion_protection"], msg, [result.set(["deletion_protection"], true)]) if {
	some m in array.concat(modules.rds_instances, modules.aurora_clusters)
	bad(object.get(m.config, "deletion_protection", null))
	msg := sprintf("%s does not have deletion protection enabled", [m.address])
}

bad(null) := true

bad(v) if unknown.is_false(v)
