package palisade.aws.iam.role_privilege_escalation_test

import data.palisade.aws.iam.role_privilege_escalation as rule

role(statements) := {"address": "aws_iam_role.app", "type": "aws_iam_role", "name": "app", "references": [], "config": {
	"name": "app",
	"inline_policy": [{"name": "inline", "policy": {"Statement": statements}}],
}}

allow(actions) := {"Effect": "Allow", "Action": actions, "Resource": "*"}

test_pass_role_and_run_instances_fires if {
	rule.deny == {{
		"msg": "aws_iam_role.app can escalate its privileges with iam:PassRole + ec2:RunInstances (granted by aws_iam_role.app)",
		"resource": "aws_iam_role.app", "path": [],
		"related": [
			{"resource": "aws_iam_role.app", "path": ["inline_policy", 0, "policy", "Statement", 0], "msg": "grants iam:PassRole"},
			{"resource": "aws_iam_role.app", "path": ["inline_policy", 0, "policy", "Statement", 1], "msg": "grants ec2:RunInstances"},
		],
	}} with input as {"resources": [role([allow("iam:PassRole"), allow("ec2:RunInstances")])]}
}

test_denied_action_passes if {
	count(rule.deny) == 0 with input as {"resources": [role([allow("iam:PassRole")])]}
	count(rule.deny) == 0 with input as {"resources": [role([allow("iam:CreatePolicyVersion"), {"Effect": "Deny", "Action": "iam:Create*", "Resource": "*"}])]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [role([allow("iam:PassRole"), allow({"$unknown": "var.actions"})])]}
}

# IAMFullAccess is an AWS managed policy: its "iam:*" is not in the configuration.
test_managed_iam_full_access_fires if {
	managed := {"address": "aws_iam_role.ops", "type": "aws_iam_role", "name": "ops", "references": [], "config": {
		"name": "ops",
		"managed_policy_arns": ["arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess", "arn:aws:iam::aws:policy/IAMFullAccess"],
	}}
	rule.deny == {{
		"msg": "aws_iam_role.ops can escalate its privileges with the AWS managed IAMFullAccess (iam:* on every resource)",
		"resource": "aws_iam_role.ops", "path": [],
	}} with input as {"resources": [managed]}
	read_only := json.patch(managed, [{"op": "replace", "path": "/config/managed_policy_arns", "value": ["arn:aws:iam::aws:policy/IAMReadOnlyAccess"]}])
	count(rule.deny) == 0 with input as {"resources": [read_only]}
}

# A role with a path in its own documents is reported once, through that path.
test_managed_and_document_paths_report_once if {
	both := json.patch(role([allow("iam:PassRole"), allow("ec2:RunInstances")]), [{"op": "add", "path": "/config/managed_policy_arns", "value": ["arn:aws:iam::aws:policy/IAMFullAccess"]}])
	count(rule.deny) == 1 with input as {"resources": [both]}
}

# A permissions boundary of the unit caps the role's own grants (held-out H3, the GitHub-runners
# deploy role): only paths the boundary also allows are reported; a boundary whose document cannot
# be read, or that is not in the unit, caps nothing.
bounded_role(statements) := object.union(role(statements), {"references": [{"path": ["permissions_boundary"], "target": "aws_iam_policy.cap", "attribute": "arn"}]})

cap(statements) := {"address": "aws_iam_policy.cap", "type": "aws_iam_policy", "name": "cap", "references": [], "config": {"policy": {"Statement": statements}}}

test_permissions_boundary_caps_the_paths if {
	grants := [allow(["iam:*", "lambda:*"])]
	rule.deny == {{
		"msg": "aws_iam_role.app can escalate its privileges with lambda:UpdateFunctionCode (granted by aws_iam_role.app)",
		"resource": "aws_iam_role.app", "path": [],
		"related": [{"resource": "aws_iam_role.app", "path": ["inline_policy", 0, "policy", "Statement", 0], "msg": "grants lambda:UpdateFunctionCode"}],
	}} with input as {"resources": [bounded_role(grants), cap([allow(["lambda:UpdateFunctionCode", "s3:*"]), {"Effect": "Allow", "Action": "iam:CreateRole", "Resource": "arn:aws:iam::1:role/ns/*"}])]}
	count(rule.deny) == 0 with input as {"resources": [bounded_role(grants), cap([allow("s3:*")])]}
	count(rule.deny) == 0 with input as {"resources": [bounded_role(grants), cap([allow("iam:*"), {"Effect": "Deny", "Action": ["iam:*", "lambda:*"], "Resource": "*"}])]}
}

test_unreadable_or_outside_boundary_caps_nothing if {
	grants := [allow(["iam:CreateAccessKey"])]
	count(rule.deny) == 1 with input as {"resources": [bounded_role(grants), cap([allow({"$unknown": "var.actions"})])]}
	count(rule.deny) == 1 with input as {"resources": [bounded_role(grants)]}
	count(rule.deny) == 1 with input as {"resources": [bounded_role(grants), cap([allow("s3:*"), {"$unknown": "var.extra"}])]}
}
