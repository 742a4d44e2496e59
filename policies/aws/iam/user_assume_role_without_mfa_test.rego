package palisade.aws.iam.user_assume_role_without_mfa_test

import data.palisade.aws.iam.user_assume_role_without_mfa as rule

user_policy(statement) := {"address": "aws_iam_user_policy.p", "type": "aws_iam_user_policy", "name": "p", "references": [], "config": {"user": "dev", "policy": {"Statement": [statement]}}}

assume(condition) := object.union({"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "arn:aws:iam::111122223333:role/admin"}, condition)

test_no_mfa_fires if {
	rule.deny == {{
		"msg": "aws_iam_user_policy.p lets IAM users assume roles without MFA",
		"resource": "aws_iam_user_policy.p", "path": ["policy"],
		"related": [{"resource": "aws_iam_user_policy.p", "path": ["policy", "Statement", 0], "msg": "allows sts:AssumeRole without an MFA condition"}],
	}} with input as {"resources": [user_policy(assume({}))]}
	count(rule.deny) == 1 with input as {"resources": [user_policy(assume({"Condition": {"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}}}))]}
}

test_attached_managed_policy_fires if {
	user := {"address": "aws_iam_user.dev", "type": "aws_iam_user", "name": "dev", "config": {"name": "dev"}, "references": []}
	managed := {"address": "aws_iam_policy.m", "type": "aws_iam_policy", "name": "m", "config": {"policy": {"Statement": [assume({})]}}, "references": []}
	attach := {"address": "aws_iam_user_policy_attachment.a", "type": "aws_iam_user_policy_attachment", "name": "a", "config": {"user": "dev"}, "references": [{"path": ["policy_arn"], "target": "aws_iam_policy.m", "attribute": "arn"}]}
	[f.resource | some f in rule.deny] == ["aws_iam_policy.m"] with input as {"resources": [user, managed, attach]}
	count(rule.deny) == 0 with input as {"resources": [user, managed]}
}

test_mfa_or_other_actions_pass if {
	count(rule.deny) == 0 with input as {"resources": [user_policy(assume({"Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}}))]}
	count(rule.deny) == 0 with input as {"resources": [user_policy({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"})]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [user_policy(assume({"Condition": {"Bool": {"aws:MultiFactorAuthPresent": {"$unknown": "var.mfa"}}}}))]}
	count(rule.deny) == 0 with input as {"resources": [user_policy({"Effect": "Allow", "Action": {"$unknown": "var.a"}, "Resource": "*"})]}
}

attach(name, target) := {"address": sprintf("aws_iam_user_policy_attachment.%s", [name]), "type": "aws_iam_user_policy_attachment", "name": name, "config": {"user": "dev"}, "references": [{"path": ["policy_arn"], "target": target, "attribute": "arn"}]}

test_user_denied_everything_passes if {
	# iam-vulnerable's fp2: "Allow *" and "Deny *" in two policies attached to one user.
	user := {"address": "aws_iam_user.dev", "type": "aws_iam_user", "name": "dev", "config": {"name": "dev"}, "references": []}
	allow := {"address": "aws_iam_policy.allow", "type": "aws_iam_policy", "name": "allow", "config": {"policy": {"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}}, "references": []}
	deny_all := {"address": "aws_iam_policy.deny", "type": "aws_iam_policy", "name": "deny", "config": {"policy": {"Statement": [{"Effect": "Deny", "Action": "*", "Resource": "*"}]}}, "references": []}
	count(rule.deny) == 0 with input as {"resources": [user, allow, deny_all, attach("a", "aws_iam_policy.allow"), attach("d", "aws_iam_policy.deny")]}

	# A Deny with a condition may not apply: still reported.
	conditional := object.union(deny_all, {"config": {"policy": {"Statement": [{"Effect": "Deny", "Action": "*", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]}}})
	count(rule.deny) == 1 with input as {"resources": [user, allow, conditional, attach("a", "aws_iam_policy.allow"), attach("d", "aws_iam_policy.deny")]}
}

role(name, trust) := {"address": sprintf("aws_iam_role.%s", [name]), "type": "aws_iam_role", "name": name, "references": [], "config": {"assume_role_policy": trust}}

mfa_trust := {"Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"AWS": "111122223333"}, "Condition": {"Bool": {"aws:MultiFactorAuthPresent": true}}}]}

open_trust := {"Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"AWS": "111122223333"}}]}

# CloudGoat iam_privesc_by_key_rotation: the role the user may assume demands MFA in its trust.
test_target_role_trust_requiring_mfa_passes if {
	st := {"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": {"$unknown": "aws_iam_role.secrets.arn"}}
	count(rule.deny) == 0 with input as {"resources": [user_policy(st), role("secrets", mfa_trust)]}
	interpolated := {"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": [{"$unknown": "\"${aws_iam_role.secrets.arn}\""}]}
	count(rule.deny) == 0 with input as {"resources": [user_policy(interpolated), role("secrets", mfa_trust)]}
}

test_target_role_without_mfa_trust_or_other_resources_fire if {
	st := {"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": {"$unknown": "aws_iam_role.secrets.arn"}}
	count(rule.deny) == 1 with input as {"resources": [user_policy(st), role("secrets", open_trust)]}
	mixed := {"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": [{"$unknown": "aws_iam_role.secrets.arn"}, "arn:aws:iam::111122223333:role/admin"]}
	count(rule.deny) == 1 with input as {"resources": [user_policy(mixed), role("secrets", mfa_trust)]}
	other := {"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": {"$unknown": "aws_iam_role.secrets_two.arn"}}
	count(rule.deny) == 1 with input as {"resources": [user_policy(other), role("secrets", mfa_trust)]}
	name := {"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": {"$unknown": "aws_iam_role.secrets.name"}}
	count(rule.deny) == 1 with input as {"resources": [user_policy(name), role("secrets", mfa_trust)]}
}

# Round 36: BoolIfExists admits requests signed with long-term keys, which carry no
# aws:MultiFactorAuthPresent (KICS's authentication_without_mfa negative sample passes it).
test_bool_if_exists_mfa_fires if {
	statement := {"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "*", "Condition": {"BoolIfExists": {"aws:MultiFactorAuthPresent": "true"}}}
	count(rule.deny) == 1 with input as {"resources": [user_policy(statement)]}
	count(rule.deny) == 0 with input as {"resources": [user_policy({"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "*", "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}})]}
}

# Review of round 36 (s22/R2): the IAM User Guide's way to require MFA is a Deny of everything
# (NotAction of the few calls that set MFA up) under BoolIfExists aws:MultiFactorAuthPresent "false":
# it matches every request without MFA, long-term access keys included, so the Allow beside it
# needs no condition of its own. A Deny under Bool "false" lets requests without the key through.
mfa_guard(op) := {"Effect": "Deny", "NotAction": ["iam:ChangePassword", "sts:GetSessionToken"], "Resource": "*", "Condition": {op: {"aws:MultiFactorAuthPresent": "false"}}}

test_deny_without_mfa_guard_passes if {
	doc := {"Statement": [assume({}), mfa_guard("BoolIfExists")]}
	p := {"address": "aws_iam_user_policy.p", "type": "aws_iam_user_policy", "name": "p", "references": [], "config": {"user": "dev", "policy": doc}}
	count(rule.deny) == 0 with input as {"resources": [p]}
	user := {"address": "aws_iam_user.dev", "type": "aws_iam_user", "name": "dev", "config": {"name": "dev"}, "references": []}
	managed := {"address": "aws_iam_policy.m", "type": "aws_iam_policy", "name": "m", "config": {"policy": {"Statement": [assume({})]}}, "references": []}
	guard := {"address": "aws_iam_policy.g", "type": "aws_iam_policy", "name": "g", "config": {"policy": {"Statement": [mfa_guard("BoolIfExists")]}}, "references": []}
	count(rule.deny) == 0 with input as {"resources": [user, managed, guard, attach("a", "aws_iam_policy.m"), attach("b", "aws_iam_policy.g")]}
}

test_deny_guard_under_bool_or_narrow_fires if {
	weak := {"Statement": [assume({}), mfa_guard("Bool")]}
	count(rule.deny) == 1 with input as {"resources": [{"address": "aws_iam_user_policy.p", "type": "aws_iam_user_policy", "name": "p", "references": [], "config": {"user": "dev", "policy": weak}}]}
	narrow := {"Statement": [assume({}), object.union(mfa_guard("BoolIfExists"), {"NotAction": "sts:AssumeRole"})]}
	count(rule.deny) == 1 with input as {"resources": [{"address": "aws_iam_user_policy.p", "type": "aws_iam_user_policy", "name": "p", "references": [], "config": {"user": "dev", "policy": narrow}}]}
}
