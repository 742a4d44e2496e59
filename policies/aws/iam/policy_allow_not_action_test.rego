package palisade.aws.iam.policy_allow_not_action_test

import data.palisade.aws.iam.policy_allow_not_action as rule

policy(statement) := {"address": "aws_iam_policy.broad", "type": "aws_iam_policy", "name": "broad", "config": {"policy": {"Statement": [statement]}}, "references": []}

test_allow_not_action_fires if {
	rule.deny == {{
		"msg": "aws_iam_policy.broad allows every action except those listed in NotAction",
		"resource": "aws_iam_policy.broad", "path": ["policy", "Statement", 0, "NotAction"],
	}} with input as {"resources": [policy({"Effect": "Allow", "NotAction": ["iam:*"], "Resource": "*"})]}
}

test_deny_not_action_or_action_list_passes if {
	count(rule.deny) == 0 with input as {"resources": [policy({"Effect": "Deny", "NotAction": ["iam:*"], "Resource": "*"})]}
	count(rule.deny) == 0 with input as {"resources": [policy({"Effect": "Allow", "Action": ["s3:GetObject"], "Resource": "*"})]}
}

# NotAction "*" excludes every action: the Allow grants nothing (a Sonar sonar-iac case, round 11).
test_not_action_star_grants_nothing if {
	count(rule.deny) == 0 with input as {"resources": [policy({"Effect": "Allow", "NotAction": "*", "Resource": "*"})]}
	count(rule.deny) == 0 with input as {"resources": [policy({"Effect": "Allow", "NotAction": ["iam:*", "*"], "Resource": "*"})]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [policy({"Effect": "Allow", "NotAction": {"$unknown": "var.excluded"}, "Resource": "*"})]}
}

# Round 22: an Allow whose DateLessThan on aws:CurrentTime has passed allows nothing.
test_expired_allow_passes if {
	expired := {"Effect": "Allow", "NotAction": "iam:*", "Resource": "*", "Condition": {"DateLessThan": {"aws:CurrentTime": "2020-06-30T00:00:00Z"}}}
	doc := {"address": "aws_iam_policy.old", "type": "aws_iam_policy", "name": "old", "config": {"policy": {"Statement": [expired]}}, "references": []}
	count(rule.deny) == 0 with input as {"resources": [doc]}
	live := object.union(doc, {"config": {"policy": {"Statement": [object.union(expired, {"Condition": {"DateLessThan": {"aws:CurrentTime": "2999-01-01T00:00:00Z"}}})]}}})
	count(rule.deny) == 1 with input as {"resources": [live]}
}
