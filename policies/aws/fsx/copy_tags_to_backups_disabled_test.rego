package palisade.aws.fsx.copy_tags_to_backups_disabled_test

import data.palisade.aws.fsx.copy_tags_to_backups_disabled as rule

lustre(config) := {"resources": [{
	"address": "aws_fsx_lustre_file_system.fs", "type": "aws_fsx_lustre_file_system", "name": "fs", "references": [],
	"config": object.union({"storage_capacity": 1200, "subnet_ids": ["subnet-1"]}, config),
}]}

openzfs(config) := {"resources": [{
	"address": "aws_fsx_openzfs_file_system.fs", "type": "aws_fsx_openzfs_file_system", "name": "fs", "references": [],
	"config": object.union({"storage_capacity": 64, "subnet_ids": ["subnet-1"], "deployment_type": "SINGLE_AZ_1", "throughput_capacity": 64}, config),
}]}

fail(address, flag, target) := {
	"msg": sprintf("%s does not copy its tags to its %s", [address, target]),
	"resource": address, "path": [flag],
	"fix": [{"op": "set", "path": [flag], "value": true}],
}

# The terraform-aws-modules/fsx lustre example: a PERSISTENT_1 file system whose module passes
# copy_tags_to_backups = var.copy_tags_to_backups, false by default.
test_persistent_lustre_without_the_flag if {
	rule.deny == {fail("aws_fsx_lustre_file_system.fs", "copy_tags_to_backups", "backups")} with input as lustre({"deployment_type": "PERSISTENT_1", "copy_tags_to_backups": false})
	count(rule.deny) == 1 with input as lustre({"deployment_type": "persistent_2"})
}

test_scratch_or_unknown_lustre_is_not_judged if {
	count(rule.deny) == 0 with input as lustre({})
	count(rule.deny) == 0 with input as lustre({"deployment_type": "SCRATCH_2"})
	count(rule.deny) == 0 with input as lustre({"deployment_type": {"$unknown": "var.deployment_type"}})
}

test_lustre_passes if {
	count(rule.deny) == 0 with input as lustre({"deployment_type": "PERSISTENT_2", "copy_tags_to_backups": true})
	count(rule.deny) == 0 with input as lustre({"deployment_type": "PERSISTENT_2", "copy_tags_to_backups": {"$unknown": "var.copy"}})
}

test_openzfs_needs_both_flags if {
	rule.deny == {
		fail("aws_fsx_openzfs_file_system.fs", "copy_tags_to_backups", "backups"),
		fail("aws_fsx_openzfs_file_system.fs", "copy_tags_to_volumes", "volumes"),
	} with input as openzfs({})
	rule.deny == {fail("aws_fsx_openzfs_file_system.fs", "copy_tags_to_volumes", "volumes")} with input as openzfs({"copy_tags_to_backups": true, "copy_tags_to_volumes": false})
	count(rule.deny) == 0 with input as openzfs({"copy_tags_to_backups": true, "copy_tags_to_volumes": true})
}
