package palisade.aws.efs.access_point_root_directory_test

import data.palisade.aws.efs.access_point_root_directory as rule

ap(config) := {"resources": [{
	"address": "aws_efs_access_point.app", "type": "aws_efs_access_point", "name": "app", "references": [],
	"config": object.union({"file_system_id": {"$unknown": "aws_efs_file_system.shared.id"}}, config),
}]}

test_fires_without_root_directory if {
	rule.deny == {{
		"msg": "aws_efs_access_point.app gives its clients the file system's root directory (/)",
		"resource": "aws_efs_access_point.app", "path": ["root_directory"],
	}} with input as ap({})
}

test_fires_on_slash_path if {
	rule.deny == {{
		"msg": "aws_efs_access_point.app gives its clients the file system's root directory (/)",
		"resource": "aws_efs_access_point.app", "path": ["root_directory", 0, "path"],
	}} with input as ap({"root_directory": [{"path": "/"}]})
}

# A root_directory block without path keeps EFS's default, "/".
test_fires_on_root_directory_without_path if {
	count(rule.deny) == 1 with input as ap({"root_directory": [{"creation_info": [{"owner_uid": 1000, "owner_gid": 1000, "permissions": "750"}]}]})
}

test_passes_on_subdirectory if {
	count(rule.deny) == 0 with input as ap({"root_directory": [{"path": "/app"}]})
	count(rule.deny) == 0 with input as ap({"root_directory": [{"path": {"$unknown": "var.path"}}]})
}

# Review of round 28: a dynamic block that expands to nothing leaves the default "/"; one
# Terraform cannot expand may set a path; "//" is still the root, "/app/" is not.
test_edge_forms if {
	count(rule.deny) == 1 with input as ap({"root_directory": []})
	count(rule.deny) == 0 with input as ap({"root_directory": {"$unknown": "dynamic"}})
	count(rule.deny) == 1 with input as ap({"root_directory": [{"path": "//"}]})
	count(rule.deny) == 0 with input as ap({"root_directory": [{"path": "/app/"}]})
}
