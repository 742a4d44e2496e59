# METADATA
# title: ECS task definition uses one IAM role as task role and task execution role
# description: |
#   The task execution role is for the ECS agent and Fargate: it pulls the images from ECR, writes
#   the awslogs streams and reads the Secrets Manager secrets and SSM parameters the task definition
#   injects. The task role is the one the application's code gets credentials for. When both name
#   the same role, every container can call those APIs itself: read every secret the execution
#   role may read (often a whole prefix, beyond the ones injected into this container), pull any
#   image the role reaches, write into the log groups, and the agent in turn holds everything the
#   application may do. AWS's IAM best practices for ECS recommend separate roles. Reported when
#   task_role_arn and execution_role_arn are the same literal, the same expression (the same
#   variable or local), or references to the same aws_iam_role. Values Palisade cannot compare
#   (two different variables, a role and a data source) are not judged.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/security-iam-roles.html
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_execution_IAM_role.html
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-iam-roles.html
# custom:
#   id: PAL-AWS-ECS-011
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_ecs_task_definition, aws_iam_role]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_249
#   cwe: ["CWE-250"]
#   remediation: Give the task its own task role with only what the application calls, and keep the execution role for image pulls, logs and injected secrets.
#   fixable: false
#   allow_unknown: true
package palisade.aws.ecs.task_role_is_execution_role

# Session 22's CKV_AWS_249 gap. No fix: separating them means a new role, its trust policy and
# the application's permissions, which only the owner can say. allow_unknown: the two values are
# usually the same unknown (a reference, a variable), and their sameness is the evidence; one
# unknown alone never fires.

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

deny contains result.fail(r, ["task_role_arn"], msg) if {
	some r in tf.resources("aws_ecs_task_definition")
	same_role(r)
	msg := sprintf("%s uses the same IAM role as task role and task execution role", [r.address])
}

# The same literal ARN or name.
same_role(r) if {
	task := tf.attr(r, ["task_role_arn"])
	is_string(task)
	task != ""
	task == tf.attr(r, ["execution_role_arn"])
}

# The same expression: one module, one instance, one value (var.role_arn twice, local.role twice).
same_role(r) if {
	task := tf.attr(r, ["task_role_arn"])
	unknown.is_unknown(task)
	exec := tf.attr(r, ["execution_role_arn"])
	unknown.is_unknown(exec)
	task["$unknown"] != ""
	task["$unknown"] == exec["$unknown"]
}

# The same aws_iam_role, read as arn, name or id (ECS takes the role's name or ARN). The target
# must be one declared role instance: an un-keyed target of a counted role (`roles[var.a]` and
# `roles[var.b]` both target `aws_iam_role.roles`) may be two roles.
same_role(r) if {
	some t in tf.references_to(r, ["task_role_arn"], "aws_iam_role")
	some e in tf.references_to(r, ["execution_role_arn"], "aws_iam_role")
	t.target == e.target
	some role in tf.resources("aws_iam_role")
	role.address == t.target
	not role.unexpanded
	object.get(t, "attribute", "") in role_attributes
	object.get(e, "attribute", "") in role_attributes
	holds(r, "task_role_arn", t, role)
	holds(r, "execution_role_arn", e, role)
}

# holds(r, name, ref, role): the argument's value is the reference itself, not an expression that
# merely mentions the role (references are syntactic: `var.t != null ? var.t : aws_iam_role.x.arn`
# references the role whichever branch is taken). Either the lone reference's unknown, or the
# role's known name, which is what `aws_iam_role.x.name` evaluates to.
holds(r, name, ref, _) if {
	v := tf.attr(r, [name])
	unknown.is_unknown(v)
	tf.names(r.address, v["$unknown"], ref.target)
}

holds(r, name, _, role) if {
	v := tf.attr(r, [name])
	is_string(v)
	v == object.get(role.config, "name", null)
}

role_attributes := {"arn", "name", "id"}
