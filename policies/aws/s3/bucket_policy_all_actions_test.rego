package palisade.aws.s3.bucket_policy_all_actions_test

import data.palisade.aws.s3.bucket_policy_all_actions as rule

bad := {"resources": [{"address": "aws_s3_bucket_policy.this", "type": "aws_s3_bucket_policy", "name": "this", "config": {"policy": {"Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": ["s3:*"]}]}}, "references": []}]}

good_0 := {"resources": [{"address": "aws_s3_bucket_policy.this", "type": "aws_s3_bucket_policy", "name": "this", "config": {"policy": {"Statement": [{"Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"]}]}}, "references": []}]}

good_1 := {"resources": [{"address": "aws_s3_bucket_policy.this", "type": "aws_s3_bucket_policy", "name": "this", "config": {"policy": {"Statement": [{"Effect": "Deny", "Principal": "*", "Action": "s3:*"}]}}, "references": []}]}

unknown_0 := {"resources": [{"address": "aws_s3_bucket_policy.this", "type": "aws_s3_bucket_policy", "name": "this", "config": {"policy": {"$unknown": "var.x"}}, "references": []}]}

unknown_1 := {"resources": [{"address": "aws_s3_bucket_policy.this", "type": "aws_s3_bucket_policy", "name": "this", "config": {"policy": {"Statement": [{"Effect": "Allow", "Action": {"$unknown": "var.x"}}]}}, "references": []}]}

also_bad_0 := {"resources": [{"address": "aws_s3_bucket_policy.this", "type": "aws_s3_bucket_policy", "name": "this", "config": {"policy": {"Statement": [{"Effect": "Allow", "Action": "*"}]}}, "references": []}]}

test_fires if {
	rule.deny == {{"msg": "the policy of aws_s3_bucket_policy.this allows all S3 actions", "resource": "aws_s3_bucket_policy.this", "path": ["policy"], "related": [{"resource": "aws_s3_bucket_policy.this", "path": ["policy", "Statement", 0, "Action"], "msg": "allows all actions"}]}} with input as bad
}

test_also_fires if {
	count(rule.deny) == 1 with input as also_bad_0
}

test_passes if {
	count(rule.deny) == 0 with input as good_0
	count(rule.deny) == 0 with input as good_1
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as unknown_0
	count(rule.deny) == 0 with input as unknown_1
}

test_opaque_s3_bucket_module_fires if {
	count(rule.deny) == 1 with input as {"resources": [], "modules": [{"address": "module.data", "source": "terraform-aws-modules/s3-bucket/aws", "config": {"policy": {"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:*"}]}}}]}
}

# Allow with NotAction grants every action but the listed ones.
test_not_action_fires if {
	rule.deny == {{"msg": "the policy of aws_s3_bucket_policy.this allows every action except those listed in NotAction", "resource": "aws_s3_bucket_policy.this", "path": ["policy"], "related": [{"resource": "aws_s3_bucket_policy.this", "path": ["policy", "Statement", 0, "NotAction"], "msg": "Allow with NotAction"}]}} with input as {"resources": [{"address": "aws_s3_bucket_policy.this", "type": "aws_s3_bucket_policy", "name": "this", "config": {"policy": {"Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "NotAction": "s3:Delete*"}]}}, "references": []}]}
}

# A Deny with NotAction, a NotAction of "*" (grants nothing) and an unknown NotAction stay quiet;
# a policy that also allows "*" gets the one all-actions finding.
test_not_action_passes if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_s3_bucket_policy.this", "type": "aws_s3_bucket_policy", "name": "this", "config": {"policy": {"Statement": [{"Effect": "Deny", "Principal": "*", "NotAction": "s3:Get*"}]}}, "references": []}]}
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_s3_bucket_policy.this", "type": "aws_s3_bucket_policy", "name": "this", "config": {"policy": {"Statement": [{"Effect": "Allow", "NotAction": "*"}]}}, "references": []}]}
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_s3_bucket_policy.this", "type": "aws_s3_bucket_policy", "name": "this", "config": {"policy": {"Statement": [{"Effect": "Allow", "NotAction": {"$unknown": "var.x"}}]}}, "references": []}]}
	count(rule.deny) == 1 with input as {"resources": [{"address": "aws_s3_bucket_policy.this", "type": "aws_s3_bucket_policy", "name": "this", "config": {"policy": {"Statement": [{"Effect": "Allow", "Action": "*"}, {"Effect": "Allow", "NotAction": "s3:Get*"}]}}, "references": []}]}
}

# A bucket policy's statements act on the bucket and its objects, which only S3 actions reach: an
# Allow whose NotAction lists "s3:*" (any case) grants nothing there (review of round 37, s22/R3).
test_not_action_excluding_every_s3_action_passes if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_s3_bucket_policy.this", "type": "aws_s3_bucket_policy", "name": "this", "config": {"policy": {"Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "NotAction": "s3:*"}]}}, "references": []}]}
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_s3_bucket_policy.this", "type": "aws_s3_bucket_policy", "name": "this", "config": {"policy": {"Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "NotAction": ["iam:*", "S3:*"]}]}}, "references": []}]}
	count(rule.deny) == 1 with input as {"resources": [{"address": "aws_s3_bucket_policy.this", "type": "aws_s3_bucket_policy", "name": "this", "config": {"policy": {"Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "NotAction": "iam:*"}]}}, "references": []}]}
}
