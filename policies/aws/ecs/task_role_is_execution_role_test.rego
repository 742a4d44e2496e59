package palisade.aws.ecs.task_role_is_execution_role_test

import data.palisade.aws.ecs.task_role_is_execution_role as rule

role(name) := {"address": sprintf("aws_iam_role.%s", [name]), "type": "aws_iam_role", "name": name, "config": {"name": name}, "references": []}

td(config, refs) := {"address": "aws_ecs_task_definition.app", "type": "aws_ecs_task_definition", "name": "app", "config": config, "references": refs}

ref(path, target, attribute) := {"path": [path], "target": target, "attribute": attribute}

finding := {"msg": "aws_ecs_task_definition.app uses the same IAM role as task role and task execution role", "resource": "aws_ecs_task_definition.app", "path": ["task_role_arn"]}

test_fires_on_same_role_reference if {
	t := td(
		{"execution_role_arn": {"$unknown": "aws_iam_role.ecs.arn"}, "task_role_arn": {"$unknown": "aws_iam_role.ecs.arn"}},
		[ref("execution_role_arn", "aws_iam_role.ecs", "arn"), ref("task_role_arn", "aws_iam_role.ecs", "arn")],
	)
	rule.deny == {finding} with input as {"resources": [role("ecs"), t]}
}

test_fires_on_arn_and_name_of_one_role if {
	t := td(
		{"execution_role_arn": {"$unknown": "aws_iam_role.ecs.arn"}, "task_role_arn": {"$unknown": "aws_iam_role.ecs.name"}},
		[ref("execution_role_arn", "aws_iam_role.ecs", "arn"), ref("task_role_arn", "aws_iam_role.ecs", "name")],
	)
	rule.deny == {finding} with input as {"resources": [role("ecs"), t]}
}

test_fires_on_same_literal if {
	arn := "arn:aws:iam::111122223333:role/app"
	rule.deny == {finding} with input as {"resources": [td({"execution_role_arn": arn, "task_role_arn": arn}, [])]}
}

test_fires_on_same_variable if {
	v := {"$unknown": "var.role_arn"}
	rule.deny == {finding} with input as {"resources": [td({"execution_role_arn": v, "task_role_arn": v}, [])]}
}

test_passes_on_two_roles if {
	t := td(
		{"execution_role_arn": {"$unknown": "aws_iam_role.exec.arn"}, "task_role_arn": {"$unknown": "aws_iam_role.task.arn"}},
		[ref("execution_role_arn", "aws_iam_role.exec", "arn"), ref("task_role_arn", "aws_iam_role.task", "arn")],
	)
	count(rule.deny) == 0 with input as {"resources": [role("exec"), role("task"), t]}
}

test_passes_on_two_variables if {
	t := td({"execution_role_arn": {"$unknown": "var.exec"}, "task_role_arn": {"$unknown": "var.task"}}, [])
	count(rule.deny) == 0 with input as {"resources": [t]}
}

test_passes_without_task_role if {
	count(rule.deny) == 0 with input as {"resources": [td({"execution_role_arn": "arn:aws:iam::111122223333:role/app"}, [])]}
}

test_passes_on_empty_strings if {
	count(rule.deny) == 0 with input as {"resources": [td({"execution_role_arn": "", "task_role_arn": ""}, [])]}
}

test_unexpanded_role_not_judged if {
	r := object.union(role("roles"), {"unexpanded": true})
	t := td(
		{"execution_role_arn": {"$unknown": "aws_iam_role.roles[var.a].arn"}, "task_role_arn": {"$unknown": "aws_iam_role.roles[var.b].arn"}},
		[ref("execution_role_arn", "aws_iam_role.roles", "arn"), ref("task_role_arn", "aws_iam_role.roles", "arn")],
	)
	count(rule.deny) == 0 with input as {"resources": [r, t]}
}

test_counted_roles_by_key if {
	r0 := object.union(role("roles"), {"address": "aws_iam_role.roles[0]"})
	r1 := object.union(role("roles"), {"address": "aws_iam_role.roles[1]"})
	same := td(
		{"execution_role_arn": {"$unknown": "aws_iam_role.roles[0].arn"}, "task_role_arn": {"$unknown": "aws_iam_role.roles[0].id"}},
		[ref("execution_role_arn", "aws_iam_role.roles[0]", "arn"), ref("task_role_arn", "aws_iam_role.roles[0]", "id")],
	)
	rule.deny == {finding} with input as {"resources": [r0, r1, same]}
	differ := td(
		{"execution_role_arn": {"$unknown": "aws_iam_role.roles[0].arn"}, "task_role_arn": {"$unknown": "aws_iam_role.roles[1].arn"}},
		[ref("execution_role_arn", "aws_iam_role.roles[0]", "arn"), ref("task_role_arn", "aws_iam_role.roles[1]", "arn")],
	)
	count(rule.deny) == 0 with input as {"resources": [r0, r1, differ]}
}

# Session 23 review (R1): the references of an expression are syntactic. A conditional or
# coalesce() that names the execution role in one branch is not the role: with the other branch
# chosen (a known value) or the choice unknown, the two are not shown to be one role.
test_reference_in_a_branch_not_taken_passes if {
	t := td(
		{"execution_role_arn": {"$unknown": "aws_iam_role.ecs.arn"}, "task_role_arn": "arn:aws:iam::111122223333:role/app-task"},
		[ref("execution_role_arn", "aws_iam_role.ecs", "arn"), ref("task_role_arn", "aws_iam_role.ecs", "arn")],
	)
	count(rule.deny) == 0 with input as {"resources": [role("ecs"), t]}
}

test_reference_inside_an_unknown_choice_passes if {
	t := td(
		{"execution_role_arn": {"$unknown": "aws_iam_role.ecs.arn"}, "task_role_arn": {"$unknown": "coalesce(var.task_role_arn, aws_iam_role.ecs.arn)"}},
		[ref("execution_role_arn", "aws_iam_role.ecs", "arn"), ref("task_role_arn", "aws_iam_role.ecs", "arn")],
	)
	count(rule.deny) == 0 with input as {"resources": [role("ecs"), t]}
}

test_known_name_of_the_execution_role_fires if {
	t := td(
		{"execution_role_arn": {"$unknown": "aws_iam_role.ecs.arn"}, "task_role_arn": "ecs"},
		[ref("execution_role_arn", "aws_iam_role.ecs", "arn"), ref("task_role_arn", "aws_iam_role.ecs", "name")],
	)
	rule.deny == {finding} with input as {"resources": [role("ecs"), t]}
}
