# METADATA
# title: RDS snapshot is shared publicly
# description: |
#   "all" in the shared_accounts of an aws_db_snapshot, aws_db_cluster_snapshot or
#   aws_db_snapshot_copy makes the manual snapshot public: every AWS account can copy it and
#   restore a database from it, with all the data it held. Public snapshots are a common way
#   databases leak. AWS Security Hub (RDS.1) asks for RDS snapshots to be private; share them with
#   the account IDs that need them instead.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_ShareSnapshot.html
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-1
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/db_snapshot#shared_accounts
# custom:
#   id: PAL-AWS-RDS-022
#   severity: high
#   formats: [terraform]
#   resource_types: [aws_db_snapshot, aws_db_cluster_snapshot, aws_db_snapshot_copy]
#   frameworks: {}
#   references: {}
#   cwe: ["CWE-668"]
#   remediation: Remove "all" from shared_accounts and list the account IDs that need the snapshot.
#   fixable: true
package palisade.aws.rds.snapshot_public

# The provider documents "all" in shared_accounts as making the snapshot public (RDS
# ModifyDBSnapshotAttribute, attribute restore, value all). The fix removes "all" and keeps the
# named accounts, so the snapshot stays shared with them only; it is offered when the whole list
# is known (an unknown element is kept by no edit the fix could write). HashiCorp policy library
# round 27.

import data.palisade.lib.result
import data.palisade.lib.unknown

types := {"aws_db_snapshot", "aws_db_cluster_snapshot", "aws_db_snapshot_copy"}

path := ["shared_accounts"]

deny contains result.fail_fix(r, path, msg(r), [result.set(path, rest)]) if {
	some r in public_snapshots
	accounts := r.config.shared_accounts
	every a in accounts {
		is_string(a)
	}
	rest := [a | some a in accounts; lower(a) != "all"]
}

deny contains result.fail(r, path, msg(r)) if {
	some r in public_snapshots
	some a in r.config.shared_accounts
	not is_string(a)
}

public_snapshots contains r if {
	some r in input.resources
	r.type in types
	accounts := object.get(r.config, "shared_accounts", [])
	is_array(accounts)
	some a in accounts
	lower(unknown.known_string(a)) == "all"
}

msg(r) := sprintf("%s makes the snapshot public (shared_accounts includes \"all\")", [r.address])
