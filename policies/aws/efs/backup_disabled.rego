# METADATA
# title: EFS file system has no automatic backups
# description: |
#   A Regional file system created through the API or Terraform starts with automatic backups
#   turned off (the console turns them on; EFS turns them on for One Zone file systems, which are
#   not reported): without an aws_efs_backup_policy whose status is ENABLED, or an
#   AWS Backup plan that selects it, nothing copies the files anywhere, so a deletion, a bad
#   deployment or ransomware that encrypts the share cannot be undone. EFS replication copies
#   those changes too. AWS Security Hub (EFS.2) asks that file systems be in a backup plan.
#   Not reported when the configuration has any aws_backup_selection (a plan may select the file
#   system by ARN or tag) or a backup policy whose file system is not a reference to one of its own.
# related_resources:
#   - ref: https://docs.aws.amazon.com/efs/latest/ug/awsbackup.html
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/efs-controls.html#efs-2
# custom:
#   id: PAL-AWS-EFS-003
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_efs_file_system, aws_efs_backup_policy]
#   frameworks: {}
#   references:
#     checkov: CKV2_AWS_18
#   cwe: ["CWE-693"]
#   remediation: >-
#     Add an aws_efs_backup_policy for the file system with backup_policy { status = "ENABLED" }
#     (daily backups kept 35 days in the AWS Backup default vault), or select it in an AWS Backup
#     plan.
#   fixable: true
package palisade.aws.efs.backup_disabled

# The fix adds the backup policy the console would have set; it costs the backup storage, which is
# the point. A file system inside a module or one instance of several gets no fix (one new block
# cannot name it). Backup policies are looked at once, not once per file system.

import data.palisade.lib.fixes
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

# The reference targets of the backup policies of the unit.
covered contains ref.target if {
	some p in tf.resources("aws_efs_backup_policy")
	some ref in p.references
	ref.path == ["file_system_id"]
}

deny contains fixes.finding(r, [], msg, backup_policy_fix(r)) if {
	count(tf.resources("aws_backup_selection")) == 0
	not unmatched_policy
	some r in tf.resources("aws_efs_file_system")
	not one_zone(r)
	not policy_for(r)
	msg := sprintf("%s has no automatic backups (no aws_efs_backup_policy and no AWS Backup selection)", [r.address])
}

# A backup policy that turns them off.
deny contains result.fail_fix(p, path, msg, [result.set(path, "ENABLED")]) if {
	some p in tf.resources("aws_efs_backup_policy")
	some i, b in tf.blocks(p, "backup_policy")
	upper(unknown.known_string(b.status)) == "DISABLED"
	path := ["backup_policy", i, "status"]
	msg := sprintf("%s turns automatic backups off (status = \"DISABLED\")", [p.address])
}

# CreateFileSystem turns automatic backups on by default for a One Zone file system (one with an
# AvailabilityZoneName), and the provider never sends its Backup flag; a zone that is not known may
# be one.
one_zone(r) if not object.get(r.config, "availability_zone_name", null) in {null, ""}

policy_for(r) if {
	some target in covered
	tf.refers_to(target, r.address)
}

# A backup policy whose file system is not a reference to one of the unit (a literal fs- id, a
# variable): it may be this file system's.
unmatched_policy if {
	some p in tf.resources("aws_efs_backup_policy")
	count(tf.references_to(p, ["file_system_id"], "aws_efs_file_system")) == 0
}

backup_policy_fix(r) := [result.add_resource("aws_efs_backup_policy", r.name, {
	"file_system_id": result.expr(sprintf("%s.id", [r.address])),
	"backup_policy": [{"status": "ENABLED"}],
})] if {
	# can_reference: the policy names the file system by its plain address.
	fixes.can_reference(r)
	not policy_named(r.name)
} else := []

policy_named(name) if {
	some p in tf.resources("aws_efs_backup_policy")
	p.name == name
}
