package palisade.aws.iam.policy_full_admin_test

import data.palisade.aws.iam.policy_full_admin as rule

policy(statement) := {"address": "aws_iam_policy.admin", "type": "aws_iam_policy", "name": "admin", "config": {"policy": {"Version": "2012-10-17", "Statement": statement}}, "references": []}

test_star_star_fires if {
	rule.deny == {{
		"msg": "aws_iam_policy.admin allows all actions on all resources",
		"resource": "aws_iam_policy.admin", "path": ["policy"],
		"related": [{"resource": "aws_iam_policy.admin", "path": ["policy", "Statement", "Action"], "msg": "allows \"*\" on \"*\""}],
	}} with input as {"resources": [policy({"Effect": "Allow", "Action": "*", "Resource": "*"})]}
}

test_inline_role_policy_fires if {
	role := {"address": "aws_iam_role.r", "type": "aws_iam_role", "name": "r", "references": [], "config": {"inline_policy": [{"policy": {"Statement": [{"Effect": "Allow", "Action": ["*"], "Resource": ["*"]}]}}]}}
	findings := rule.deny with input as {"resources": [role]}
	some f in findings
	f.path == ["inline_policy", 0, "policy"]
	f.related[0].path == ["inline_policy", 0, "policy", "Statement", 0, "Action"]
}

test_scoped_passes if {
	count(rule.deny) == 0 with input as {"resources": [policy([{"Effect": "Allow", "Action": "*", "Resource": "arn:aws:s3:::b/*"}])]}
	count(rule.deny) == 0 with input as {"resources": [policy([{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}])]}
	count(rule.deny) == 0 with input as {"resources": [policy([{"Effect": "Deny", "Action": "*", "Resource": "*"}])]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [policy([{"Effect": "Allow", "Action": {"$unknown": "var.actions"}, "Resource": "*"}])]}
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_iam_policy.x", "type": "aws_iam_policy", "name": "x", "config": {"policy": {"$unknown": "var.doc"}}, "references": []}]}
}

# Round 22: an Allow whose DateLessThan on aws:CurrentTime has passed allows nothing.
test_expired_allow_passes if {
	expired := {"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": {"DateLessThan": {"aws:CurrentTime": "2020-06-30T00:00:00Z"}}}
	doc := {"address": "aws_iam_policy.old", "type": "aws_iam_policy", "name": "old", "config": {"policy": {"Statement": [expired]}}, "references": []}
	count(rule.deny) == 0 with input as {"resources": [doc]}
	live := object.union(doc, {"config": {"policy": {"Statement": [object.union(expired, {"Condition": {"DateLessThan": {"aws:CurrentTime": "2999-01-01T00:00:00Z"}}})]}}})
	count(rule.deny) == 1 with input as {"resources": [live]}
}

# Round 31: "*" with NotResource allows every action on every resource except those listed (IAM
# User Guide, NotResource: "very dangerous"); NotResource "*" allows nothing.
test_star_not_resource_fires if {
	rule.deny == {{
		"msg": "aws_iam_policy.admin allows all actions on every resource except those listed in NotResource",
		"resource": "aws_iam_policy.admin", "path": ["policy"],
		"related": [{"resource": "aws_iam_policy.admin", "path": ["policy", "Statement", "Action"], "msg": "allows \"*\" on every resource but those in NotResource"}],
	}} with input as {"resources": [policy({"Effect": "Allow", "Action": "*", "NotResource": ["arn:aws:s3:::payroll", "arn:aws:s3:::payroll/*"]})]}
	count(rule.deny) == 0 with input as {"resources": [policy({"Effect": "Allow", "Action": "*", "NotResource": "*"})]}
	count(rule.deny) == 0 with input as {"resources": [policy({"Effect": "Deny", "Action": "*", "NotResource": "arn:aws:s3:::payroll"})]}
}

# "*" on "*" beside an unconditional Deny of "*" on every resource but named ones grants every
# action on those resources only: not full administrative access (PAL-AWS-IAM-003 reports it as
# every action on the resources it names). A Deny of some actions leaves the rest on "*".
test_star_scoped_by_a_not_resource_deny_passes if {
	allow := {"Effect": "Allow", "Action": "*", "Resource": "*"}
	count(rule.deny) == 0 with input as {"resources": [policy([allow, {"Effect": "Deny", "Action": "*", "NotResource": ["arn:aws:s3:::reports", "arn:aws:s3:::reports/*"]}])]}
	count(rule.deny) == 1 with input as {"resources": [policy([allow, {"Effect": "Deny", "Action": "s3:*", "NotResource": ["arn:aws:s3:::reports", "arn:aws:s3:::reports/*"]}])]}
	count(rule.deny) == 1 with input as {"resources": [policy([allow, {"Effect": "Deny", "Action": "*", "NotResource": "arn:aws:s3:::*"}])]}
}
