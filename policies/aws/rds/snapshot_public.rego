# METADATA
# title: RDS snapshot is shared publicly
# description: |
#   "all" in a manual snapshot's shared_accounts makes it public: any AWS account can copy it or
#   restore it into a database of its own and read every row, so the data is no longer under the
#   owner's access control at all. RDS and Aurora allow it only for unencrypted snapshots, which
#   makes the public ones the least protected. AWS Security Hub (RDS.1) asks that snapshots be
#   private; share with the account ids that need the snapshot instead.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_ShareSnapshot.html
#   - ref: https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_ModifyDBSnapshotAttribute.html
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-1
# custom:
#   id: PAL-AWS-RDS-017
#   severity: high
#   formats: [terraform]
#   resource_types: [aws_db_snapshot, aws_db_snapshot_copy, aws_db_cluster_snapshot]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_302
#   cwe: ["CWE-668"]
#   remediation: Remove "all" from shared_accounts; list the account ids that need the snapshot instead.
#   fixable: true
package palisade.aws.rds.snapshot_public

# The fix drops "all" and keeps the accounts already named (or drops the argument when none is
# left): taking access away is the least-privilege change, and which accounts to add is the owner's.
# A list with an element that is not known (a variable, a splat) is reported without a fix, since
# the rest of it cannot be written back; a list that is not known at all is left alone.

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

types := {"aws_db_snapshot", "aws_db_snapshot_copy", "aws_db_cluster_snapshot"}

path := ["shared_accounts"]

public_snapshot(r) := accounts if {
	r.type in types
	accounts := r.config.shared_accounts
	is_array(accounts)
	some a in accounts
	lower(trim_space(unknown.known_string(a))) == "all"
}

deny contains result.fail_fix(r, path, msg(r), [fix(rest)]) if {
	some r in input.resources
	accounts := public_snapshot(r)
	every a in accounts {
		is_string(a)
	}
	rest := [a | some a in accounts; lower(trim_space(a)) != "all"]
}

deny contains result.fail(r, path, msg(r)) if {
	some r in input.resources
	accounts := public_snapshot(r)
	some a in accounts
	not is_string(a)
}

fix(rest) := result.remove(path) if count(rest) == 0

else := result.set(path, rest)

msg(r) := sprintf("%s is shared with all AWS accounts (shared_accounts includes \"all\")", [r.address])
