package palisade.lib.resource_policy_test

import data.palisade.lib.resource_policy as rp

doc(statement) := {"Version": "2012-10-17", "Statement": [statement]}

test_public_without_condition if {
	count(rp.any_principal_statements(doc({"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject"}))) == 1
}

test_ip_condition_does_not_scope if {
	s := {"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sqs:*", "Condition": {"IpAddress": {"aws:SourceIp": "10.0.0.0/8"}}}
	count(rp.any_principal_statements(doc(s))) == 1
}

test_org_condition_scopes if {
	s := {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-123"}}}
	count(rp.any_principal_statements(doc(s))) == 0
}

test_unknown_condition_scopes if {
	s := {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Condition": {"$unknown": "var.c"}}
	count(rp.any_principal_statements(doc(s))) == 0
}

test_named_principal_and_deny_do_not_count if {
	count(rp.any_principal_statements(doc({"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "*"}))) == 0
	count(rp.any_principal_statements(doc({"Effect": "Deny", "Principal": "*", "Action": "*"}))) == 0
}

test_all_actions_of_service if {
	rp.allows_all_actions_of({"Effect": "Allow", "Action": ["SQS:*"]}, "sqs")
	rp.allows_all_actions_of({"Effect": "Allow", "Action": "*"}, "sqs")
	not rp.allows_all_actions_of({"Effect": "Allow", "Action": "sqs:SendMessage"}, "sqs")
}

test_document_from_heredoc_with_interpolation if {
	v := {"$unknown": "<<POLICY\n{\"Statement\": [{\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"*\", \"Resource\": \"${aws_sqs_queue.q.arn}\"}]}\nPOLICY"}
	rp.document(v) == {"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "<unknown>"}]}
}

test_document_interpolated_principal_is_not_public if {
	v := {"$unknown": "<<-EOF\n  {\"Statement\": [{\"Effect\": \"Allow\", \"Principal\": \"${var.who}\", \"Action\": \"s3:GetObject\"}]}\n  EOF"}
	count(rp.any_principal_statements(rp.document(v))) == 0
}

test_document_of_other_unknowns_is_undefined if {
	not rp.document({"$unknown": "data.aws_iam_policy_document.x.json"})
	not rp.document({"$unknown": "<<EOF\n{\"Statement\": ${jsonencode(var.s)}}\nEOF"})
}

test_document_of_known_value if {
	rp.document({"Statement": []}) == {"Statement": []}
}

open_to_all_but(operator, key, value) := doc({"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "s3:GetObject", "Condition": {operator: {key: value}}})

test_negated_operator_does_not_scope if {
	count(rp.any_principal_statements(open_to_all_but("ArnNotEquals", "aws:PrincipalArn", "arn:aws:iam::111122223333:user/ops"))) == 1
	count(rp.any_principal_statements(open_to_all_but("StringNotEquals", "aws:SourceAccount", "111122223333"))) == 1
}

test_operators_true_without_the_key_do_not_scope if {
	count(rp.any_principal_statements(open_to_all_but("ForAllValues:StringEquals", "aws:PrincipalOrgID", "o-abc"))) == 1
	count(rp.any_principal_statements(open_to_all_but("StringEqualsIfExists", "aws:SourceVpce", "vpce-1"))) == 1
	count(rp.any_principal_statements(open_to_all_but("Null", "aws:SourceArn", "false"))) == 1
}

test_wildcard_values_do_not_scope if {
	count(rp.any_principal_statements(open_to_all_but("ArnLike", "aws:PrincipalArn", "arn:aws:iam::*:root"))) == 1
	count(rp.any_principal_statements(open_to_all_but("StringEquals", "aws:SourceAccount", "*"))) == 1
	count(rp.any_principal_statements(open_to_all_but("ArnLike", "aws:SourceArn", "arn:aws:s3:::*"))) == 1
	count(rp.any_principal_statements(open_to_all_but("StringLike", "aws:PrincipalAccount", ["111122223333", "*"]))) == 1
}

test_pinned_values_scope if {
	count(rp.any_principal_statements(open_to_all_but("ArnEquals", "aws:PrincipalArn", "arn:aws:iam::111122223333:user/ops"))) == 0
	count(rp.any_principal_statements(open_to_all_but("ArnLike", "aws:SourceArn", "arn:aws:cloudtrail:*:111122223333:trail/*"))) == 0
	count(rp.any_principal_statements(open_to_all_but("ArnLike", "aws:SourceArn", "arn:aws:s3:::my-logs-*"))) == 0
	count(rp.any_principal_statements(open_to_all_but("ForAnyValue:StringEquals", "aws:PrincipalOrgID", ["o-abc", "o-def"]))) == 0
	count(rp.any_principal_statements(open_to_all_but("StringEquals", "aws:SourceVpce", {"$unknown": "var.vpce"}))) == 0
}

# An empty value list matches no request: the statement opens nothing (a module's variable whose
# default [] its caller fills in; held-out s19/h3). A negated operator with it still opens all.
test_empty_value_list_scopes if {
	count(rp.any_principal_statements(open_to_all_but("StringEquals", "aws:SourceAccount", []))) == 0
	count(rp.any_principal_statements(open_to_all_but("StringNotEquals", "aws:SourceAccount", []))) == 1
}

test_user_name_does_not_scope if {
	# Any account can create a user called "deploy".
	count(rp.any_principal_statements(open_to_all_but("StringEquals", "aws:username", "deploy"))) == 1
}

# Wildcard tests are plain string tests: "*", "?" and runs of them; not empty, not text around them.
test_wildcard_strings if {
	rp.wildcarded("arn:aws:s3:::b*")
	rp.wildcarded("12345678901?")
	not rp.wildcarded("123456789012")
	rp.only_wildcards("*")
	rp.only_wildcards("?*?")
	not rp.only_wildcards("")
	not rp.only_wildcards("a*")
	rp.open_value("arn:aws:iam::*:root")
	rp.open_value("arn:aws:s3:::*")
	not rp.open_value("arn:aws:s3:::bucket/*")
}

test_service_path_condition_does_not_scope if {
	via := {"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "kms:Decrypt", "Condition": {"StringEquals": {"kms:ViaService": "s3.us-east-1.amazonaws.com"}}}
	count(rp.any_principal_statements(doc(via))) == 1
	called := {"Effect": "Allow", "Principal": "*", "Action": "kms:Decrypt", "Condition": {"ForAnyValue:StringEquals": {"aws:CalledVia": "cloudformation.amazonaws.com"}}}
	count(rp.any_principal_statements(doc(called))) == 1

	# With the caller's account pinned too (AWS's default EBS key policy), it is scoped.
	both := {"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "kms:Decrypt", "Condition": {"StringEquals": {"kms:ViaService": "ec2.us-east-1.amazonaws.com", "kms:CallerAccount": "111122223333"}}}
	count(rp.any_principal_statements(doc(both))) == 0
}

test_allow_with_not_principal_is_open_to_all_others if {
	s := {"Effect": "Allow", "NotPrincipal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "sqs:SendMessage"}
	count(rp.any_principal_statements(doc(s))) == 1
	count(rp.any_principal_statements(doc(object.union(s, {"Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-abc"}}})))) == 0
	count(rp.any_principal_statements(doc({"Effect": "Allow", "NotPrincipal": "*", "Action": "sqs:SendMessage"}))) == 0
	count(rp.any_principal_statements(doc({"Effect": "Deny", "NotPrincipal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "sqs:*"}))) == 0
}

# aws:ResourceAccount / aws:ResourceOrgID name the account / organization that owns the resource a
# request acts on. In a resource's own policy that is always the policy's owner, so the condition
# holds for every caller (they scope identity and VPC endpoint policies, not resource policies).
test_resource_owner_condition_does_not_scope if {
	count(rp.any_principal_statements(open_to_all_but("StringEquals", "aws:ResourceAccount", "111122223333"))) == 1
	count(rp.any_principal_statements(open_to_all_but("StringEquals", "aws:ResourceOrgID", "o-abc"))) == 1
}
