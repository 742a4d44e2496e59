package palisade.aws.efs.backup_disabled_test

import data.palisade.aws.efs.backup_disabled as rule

fs := {"address": "aws_efs_file_system.shared", "type": "aws_efs_file_system", "name": "shared", "config": {"creation_token": "shared", "encrypted": true}, "references": []}

policy(status, refs) := {"address": "aws_efs_backup_policy.shared", "type": "aws_efs_backup_policy", "name": "shared", "config": {"file_system_id": {"$unknown": "aws_efs_file_system.shared.id"}, "backup_policy": [{"status": status}]}, "references": refs}

fs_ref := [{"path": ["file_system_id"], "target": "aws_efs_file_system.shared"}]

test_file_system_without_backups_fires_with_a_policy_fix if {
	rule.deny == {{
		"msg": "aws_efs_file_system.shared has no automatic backups (no aws_efs_backup_policy and no AWS Backup selection)",
		"resource": "aws_efs_file_system.shared", "path": [],
		"fix": [{"op": "add_resource", "type": "aws_efs_backup_policy", "name": "shared", "config": {
			"file_system_id": {"$expr": "aws_efs_file_system.shared.id"},
			"backup_policy": [{"status": "ENABLED"}],
		}}],
	}} with input as {"resources": [fs]}
}

test_module_or_counted_file_system_fires_without_a_fix if {
	some f in rule.deny with input as {"resources": [object.union(fs, {"address": "module.data.aws_efs_file_system.shared", "module": "module.data"})]}
	not f.fix
}

# A file system counted by an unknown count (`count = var.create ? 1 : 0`) is one model resource
# marked unexpanded; Terraform refuses a new policy's unkeyed aws_efs_file_system.shared.id
# ("Missing resource instance key"), so it is reported without a fix.
test_unexpanded_file_system_fires_without_a_fix if {
	some f in rule.deny with input as {"resources": [object.union(fs, {"unexpanded": true})]}
	not f.fix
}

test_disabled_policy_fires_on_its_status if {
	rule.deny == {{
		"msg": "aws_efs_backup_policy.shared turns automatic backups off (status = \"DISABLED\")",
		"resource": "aws_efs_backup_policy.shared", "path": ["backup_policy", 0, "status"],
		"fix": [{"op": "set", "path": ["backup_policy", 0, "status"], "value": "ENABLED"}],
	}} with input as {"resources": [fs, policy("DISABLED", fs_ref)]}
}

test_enabled_policy_or_backup_selection_passes if {
	count(rule.deny) == 0 with input as {"resources": [fs, policy("ENABLED", fs_ref)]}
	count(rule.deny) == 0 with input as {"resources": [fs, {"address": "aws_backup_selection.efs", "type": "aws_backup_selection", "name": "efs", "config": {"resources": ["*"]}, "references": []}]}
}

test_policy_of_an_unknown_file_system_passes if {
	count(rule.deny) == 0 with input as {"resources": [fs, policy("ENABLED", [])]}
	count(rule.deny) == 0 with input as {"resources": [fs, object.union(policy("ENABLED", []), {"config": {"file_system_id": "fs-0123456789abcdef0", "backup_policy": [{"status": "ENABLED"}]}})]}
}

# A One Zone file system (availability_zone_name) gets automatic backups from EFS itself when it
# is created through the API, which the provider uses without its Backup flag; an unknown zone may
# be one too. Review H10, session 19.
test_one_zone_file_system_passes if {
	count(rule.deny) == 0 with input as {"resources": [object.union(fs, {"config": {"availability_zone_name": "eu-west-1a"}})]}
	count(rule.deny) == 0 with input as {"resources": [object.union(fs, {"config": {"availability_zone_name": {"$unknown": "var.zone"}}})]}
	count(rule.deny) == 1 with input as {"resources": [object.union(fs, {"config": {"availability_zone_name": null}})]}
}
