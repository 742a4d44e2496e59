# METADATA
# title: RDS snapshots do not inherit the database's tags
# description: |
#   copy_tags_to_snapshot is false unless set, so the automated and manual snapshots of a DB
#   instance or cluster carry none of its tags. Tags are how owners classify data (owner, data
#   class, environment) and how IAM policies grant access by attribute (aws:ResourceTag
#   conditions on rds:RestoreDBInstanceFromDBSnapshot, rds:CopyDBSnapshot and the like): an
#   untagged snapshot of a restricted database falls outside the policies meant to protect it and
#   outside the inventory, which is how forgotten copies of production data linger. AWS Security
#   Hub asks for it on clusters (RDS.16) and instances (RDS.17). Opaque terraform-aws-modules/rds
#   and rds-aurora calls are judged by their copy_tags_to_snapshot input (false, or null, unless
#   set, in every major). Aurora instances are left to their cluster, whose setting applies.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_Tagging.html#USER_Tagging.CopyTags
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-16
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-17
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/db_instance#copy_tags_to_snapshot
# custom:
#   id: PAL-AWS-RDS-015
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_db_instance, aws_rds_cluster, "module:terraform-aws-modules/rds/aws", "module:terraform-aws-modules/rds-aurora/aws"]
#   frameworks: {}
#   references:
#     checkov: [CKV2_AWS_60, CKV_AWS_313]
#   remediation: Set copy_tags_to_snapshot = true.
#   fixable: true
package palisade.aws.rds.snapshot_tags_not_copied

# The fix sets the attribute: it changes nothing but the tags of snapshots taken from then on.

import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

path := ["copy_tags_to_snapshot"]

deny contains finding(r) if {
	some r in array.concat(tf.resources("aws_rds_cluster"), [r |
		some r in tf.resources("aws_db_instance")
		not aurora(r)
	])
	bad(object.get(r.config, path, null))
}

deny contains finding(m) if {
	some m in array.concat(modules.rds_instances, modules.aurora_clusters)
	bad(object.get(m.config, path, null))
}

# A legacy aws_db_instance of an Aurora engine is a member of a cluster.
aurora(r) if startswith(lower(unknown.value_or(object.get(r.config, "engine", ""), "")), "aurora")

bad(null)

bad(v) if unknown.is_false(v)

finding(r) := result.fail_fix(r, path, msg, [result.set(path, true)]) if {
	msg := sprintf("%s does not copy its tags to its snapshots", [r.address])
}
