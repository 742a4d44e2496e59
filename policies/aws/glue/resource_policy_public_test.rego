package palisade.aws.glue.resource_policy_public_test

import data.palisade.aws.glue.resource_policy_public as rule

bad := {"resources": [{"address": "aws_glue_resource_policy.this", "type": "aws_glue_resource_policy", "name": "this", "config": {"policy": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "x:Get"}]}}, "references": []}]}

good_0 := {"resources": [{"address": "aws_glue_resource_policy.this", "type": "aws_glue_resource_policy", "name": "this", "config": {"policy": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "x:Get"}]}}, "references": []}]}

good_1 := {"resources": [{"address": "aws_glue_resource_policy.this", "type": "aws_glue_resource_policy", "name": "this", "config": {"policy": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "x:Get", "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-1"}}}]}}, "references": []}]}

unknown_0 := {"resources": [{"address": "aws_glue_resource_policy.this", "type": "aws_glue_resource_policy", "name": "this", "config": {"policy": {"$unknown": "var.x"}}, "references": []}]}

unknown_1 := {"resources": [{"address": "aws_glue_resource_policy.this", "type": "aws_glue_resource_policy", "name": "this", "config": {"policy": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"$unknown": "var.x"}, "Action": "x:Get"}]}}, "references": []}]}

test_fires if {
	rule.deny == {{"msg": "the policy of aws_glue_resource_policy.this allows x:Get to any principal", "resource": "aws_glue_resource_policy.this", "path": ["policy"], "related": [{"resource": "aws_glue_resource_policy.this", "path": ["policy", "Statement", 0, "Principal"], "msg": "open to any principal"}]}} with input as bad
}

test_passes if {
	count(rule.deny) == 0 with input as good_0
	count(rule.deny) == 0 with input as good_1
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as unknown_0
	count(rule.deny) == 0 with input as unknown_1
}
