package palisade.aws.lambda.function_role_privileged_test

import data.palisade.aws.lambda.function_role_privileged as rule

test_fires_on_iam_wildcard if {
	rule.deny == {{"msg": "aws_lambda_function.fn runs as aws_iam_role.fn, which can escalate its privileges (iam:CreatePolicyVersion, iam:SetDefaultPolicyVersion, iam:CreateAccessKey, iam:CreateLoginProfile and 8 more)", "resource": "aws_lambda_function.fn", "path": ["role"]}} with input as {"resources": [{"address": "aws_lambda_function.fn", "type": "aws_lambda_function", "name": "fn", "config": {"function_name": "fn", "role": {"$unknown": "aws_iam_role.fn.arn"}}, "references": [{"path": ["role"], "target": "aws_iam_role.fn", "attribute": "arn"}]}, {"address": "aws_iam_role.fn", "type": "aws_iam_role", "name": "fn", "config": {"name": "fn", "assume_role_policy": {"Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]}}, "references": []}, {"address": "aws_iam_role_policy.fn", "type": "aws_iam_role_policy", "name": "fn", "config": {"name": "fn", "role": {"$unknown": "aws_iam_role.fn.id"}, "policy": {"Statement": [{"Effect": "Allow", "Action": ["ec2:Describe*", "iam:*"], "Resource": "*"}]}}, "references": [{"path": ["role"], "target": "aws_iam_role.fn", "attribute": "id"}]}]}
}

test_fires_on_admin if {
	rule.deny == {{"msg": "aws_lambda_function.fn runs as aws_iam_role.fn, which can escalate its privileges (full administrator access)", "resource": "aws_lambda_function.fn", "path": ["role"]}} with input as {"resources": [{"address": "aws_lambda_function.fn", "type": "aws_lambda_function", "name": "fn", "config": {"function_name": "fn", "role": {"$unknown": "aws_iam_role.fn.arn"}}, "references": [{"path": ["role"], "target": "aws_iam_role.fn", "attribute": "arn"}]}, {"address": "aws_iam_role.fn", "type": "aws_iam_role", "name": "fn", "config": {"name": "fn", "assume_role_policy": {"Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]}}, "references": []}, {"address": "aws_iam_role_policy.fn", "type": "aws_iam_role_policy", "name": "fn", "config": {"name": "fn", "role": {"$unknown": "aws_iam_role.fn.id"}, "policy": {"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}}, "references": [{"path": ["role"], "target": "aws_iam_role.fn", "attribute": "id"}]}]}
}

test_passes_on_narrow_role if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_lambda_function.fn", "type": "aws_lambda_function", "name": "fn", "config": {"function_name": "fn", "role": {"$unknown": "aws_iam_role.fn.arn"}}, "references": [{"path": ["role"], "target": "aws_iam_role.fn", "attribute": "arn"}]}, {"address": "aws_iam_role.fn", "type": "aws_iam_role", "name": "fn", "config": {"name": "fn", "assume_role_policy": {"Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]}}, "references": []}, {"address": "aws_iam_role_policy.fn", "type": "aws_iam_role_policy", "name": "fn", "config": {"name": "fn", "role": {"$unknown": "aws_iam_role.fn.id"}, "policy": {"Statement": [{"Effect": "Allow", "Action": ["logs:CreateLogStream", "logs:PutLogEvents"], "Resource": "*"}]}}, "references": [{"path": ["role"], "target": "aws_iam_role.fn", "attribute": "id"}]}]}
}

test_unknown_role_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_lambda_function.fn", "type": "aws_lambda_function", "name": "fn", "config": {"function_name": "fn", "role": {"$unknown": "var.x"}}, "references": []}, {"address": "aws_iam_role.fn", "type": "aws_iam_role", "name": "fn", "config": {"name": "fn", "assume_role_policy": {"Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]}}, "references": []}, {"address": "aws_iam_role_policy.fn", "type": "aws_iam_role_policy", "name": "fn", "config": {"name": "fn", "role": {"$unknown": "aws_iam_role.fn.id"}, "policy": {"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}}, "references": [{"path": ["role"], "target": "aws_iam_role.fn", "attribute": "id"}]}]}
}

fn := {"address": "aws_lambda_function.fn", "type": "aws_lambda_function", "name": "fn", "config": {"function_name": "fn", "role": {"$unknown": "aws_iam_role.fn.arn"}}, "references": [{"path": ["role"], "target": "aws_iam_role.fn", "attribute": "arn"}]}

role(extra) := object.union({"address": "aws_iam_role.fn", "type": "aws_iam_role", "name": "fn", "references": []}, {"config": object.union({"name": "fn"}, extra)})

attachment(arn) := {"address": "aws_iam_role_policy_attachment.fn", "type": "aws_iam_role_policy_attachment", "name": "fn", "config": {"role": {"$unknown": "aws_iam_role.fn.name"}, "policy_arn": arn}, "references": [{"path": ["role"], "target": "aws_iam_role.fn", "attribute": "name"}]}

test_fires_on_aws_managed_admin_attached_by_arn if {
	rule.deny == {{"msg": "aws_lambda_function.fn runs as aws_iam_role.fn, which can escalate its privileges (full administrator access)", "resource": "aws_lambda_function.fn", "path": ["role"]}} with input as {"resources": [fn, role({}), attachment("arn:aws:iam::aws:policy/AdministratorAccess")]}
	{f.msg | some f in rule.deny} == {"aws_lambda_function.fn runs as aws_iam_role.fn, which can escalate its privileges (IAM full access)"} with input as {"resources": [fn, role({"managed_policy_arns": ["arn:aws-cn:iam::aws:policy/IAMFullAccess"]})]}
}

test_passes_on_aws_managed_execution_role if {
	count(rule.deny) == 0 with input as {"resources": [fn, role({}), attachment("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole")]}
}

# Review s20/R3: "*" with NotResource is every action on every resource but those listed (IAM
# User Guide, NotResource), which PAL-AWS-IAM-001 reports as full administrative access since
# round 31; the function's role holding it is named for what it is.
test_fires_on_admin_with_not_resource if {
	roles := [
		fn, role({}),
		{"address": "aws_iam_role_policy.fn", "type": "aws_iam_role_policy", "name": "fn", "config": {"name": "fn", "role": {"$unknown": "aws_iam_role.fn.id"}, "policy": {"Statement": [{"Effect": "Allow", "Action": "*", "NotResource": "arn:aws:s3:::payroll/*"}]}}, "references": [{"path": ["role"], "target": "aws_iam_role.fn", "attribute": "id"}]},
	]
	rule.deny == {{"msg": "aws_lambda_function.fn runs as aws_iam_role.fn, which can escalate its privileges (full administrator access, but for the resources in NotResource)", "resource": "aws_lambda_function.fn", "path": ["role"]}} with input as {"resources": roles}
}
