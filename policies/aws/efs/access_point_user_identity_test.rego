package palisade.aws.efs.access_point_user_identity_test

import data.palisade.aws.efs.access_point_user_identity as rule

ap(config) := {"resources": [{
	"address": "aws_efs_access_point.app", "type": "aws_efs_access_point", "name": "app", "references": [],
	"config": object.union({"file_system_id": {"$unknown": "aws_efs_file_system.shared.id"}}, config),
}]}

test_fires_without_posix_user if {
	rule.deny == {{
		"msg": "aws_efs_access_point.app does not enforce a POSIX user: clients act with whatever user and group IDs they send",
		"resource": "aws_efs_access_point.app", "path": ["posix_user"],
	}} with input as ap({"root_directory": [{"path": "/app"}]})
}

test_passes_with_posix_user if {
	count(rule.deny) == 0 with input as ap({"posix_user": [{"uid": 1000, "gid": 1000}]})
	count(rule.deny) == 0 with input as ap({"posix_user": [{"uid": {"$unknown": "var.uid"}, "gid": {"$unknown": "var.gid"}}]})
}

# A dynamic posix_user block Terraform cannot expand is not known to be missing.
test_unknown_block_does_not_fire if {
	count(rule.deny) == 0 with input as ap({"posix_user": {"$unknown": "dynamic"}})
}

# Review of round 28: a dynamic posix_user block that expands to nothing sets no user.
test_empty_dynamic_block_fires if {
	count(rule.deny) == 1 with input as ap({"posix_user": []})
}
