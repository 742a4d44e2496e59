package palisade.aws.efs.file_system_policy_public_test

import data.palisade.aws.efs.file_system_policy_public as rule

bad := {"resources": [{"address": "aws_efs_file_system_policy.this", "type": "aws_efs_file_system_policy", "name": "this", "config": {"policy": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "x:Get"}]}}, "references": []}]}

good_0 := {"resources": [{"address": "aws_efs_file_system_policy.this", "type": "aws_efs_file_system_policy", "name": "this", "config": {"policy": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "x:Get"}]}}, "references": []}]}

good_1 := {"resources": [{"address": "aws_efs_file_system_policy.this", "type": "aws_efs_file_system_policy", "name": "this", "config": {"policy": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "x:Get", "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-1"}}}]}}, "references": []}]}

unknown_0 := {"resources": [{"address": "aws_efs_file_system_policy.this", "type": "aws_efs_file_system_policy", "name": "this", "config": {"policy": {"$unknown": "var.x"}}, "references": []}]}

unknown_1 := {"resources": [{"address": "aws_efs_file_system_policy.this", "type": "aws_efs_file_system_policy", "name": "this", "config": {"policy": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"$unknown": "var.x"}, "Action": "x:Get"}]}}, "references": []}]}

test_fires if {
	rule.deny == {{"msg": "the policy of aws_efs_file_system_policy.this allows x:Get to any principal", "resource": "aws_efs_file_system_policy.this", "path": ["policy"], "related": [{"resource": "aws_efs_file_system_policy.this", "path": ["policy", "Statement", 0, "Principal"], "msg": "open to any principal"}]}} with input as bad
}

test_passes if {
	count(rule.deny) == 0 with input as good_0
	count(rule.deny) == 0 with input as good_1
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as unknown_0
	count(rule.deny) == 0 with input as unknown_1
}

# Round 32 (Prowler): the EFS console's preset policies ("Prevent root access by default", …) allow
# {"AWS": "*"} only when elasticfilesystem:AccessedViaMountTarget is true, i.e. to NFS clients that
# reach a mount target in the file system's VPC — what the default policy already allows, with the
# security groups deciding who connects. Not "any principal".
via_mount_target(value) := {"resources": [{"address": "aws_efs_file_system_policy.this", "type": "aws_efs_file_system_policy", "name": "this", "config": {"policy": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": ["elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite"], "Condition": {"Bool": {"elasticfilesystem:AccessedViaMountTarget": value}}}]}}, "references": []}]}

test_mount_target_only_statement_passes if {
	count(rule.deny) == 0 with input as via_mount_target("true")
	count(rule.deny) == 0 with input as via_mount_target(true)
}

test_mount_target_false_still_fires if {
	count(rule.deny) == 1 with input as via_mount_target("false")
}

# Review R2 (session 21): a condition's value may be a list (IAM ORs its elements); jsonencode
# writes ["true"] as a list, the same condition as "true".
test_mount_target_only_list_value_passes if {
	count(rule.deny) == 0 with input as via_mount_target(["true"])
	count(rule.deny) == 0 with input as via_mount_target([true])
	count(rule.deny) == 1 with input as via_mount_target(["true", "false"])
}
