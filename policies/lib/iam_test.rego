package palisade.lib.iam_test

import data.palisade.lib.iam

u := {"$unknown": "var.p"}

test_statements_object_or_array if {
	iam.statements({"Statement": {"Effect": "Allow"}}) == [{"statement": {"Effect": "Allow"}, "path": ["Statement"]}]
	iam.statements({"Statement": [{"Effect": "Deny"}, u]}) == [{"statement": {"Effect": "Deny"}, "path": ["Statement", 0]}]
	not iam.statements(u)
}

test_as_list if {
	iam.as_list("a") == ["a"]
	iam.as_list(["a", "b"]) == ["a", "b"]
	iam.as_list(u) == []
	iam.as_list(null) == []
}

test_allows_all if {
	s := {"Effect": "Allow", "Action": "*", "Resource": ["*"]}
	iam.allows_all_actions(s)
	iam.allows_all_resources(s)
	not iam.allows_all_actions({"Effect": "Deny", "Action": "*"})
	not iam.allows_all_actions({"Effect": "Allow", "Action": u})
	not iam.allows_all_actions({"Effect": "Allow", "Action": ["s3:GetObject"]})
}

test_service_wildcards if {
	iam.service_wildcards({"Effect": "Allow", "Action": ["s3:*", "ec2:Describe*", "*"]}) == {"s3:*"}
}

test_allows_action if {
	iam.allows_action({"Effect": "Allow", "Action": "IAM:Pass*"}, "iam:PassRole")
	iam.allows_action({"Effect": "Allow", "Action": ["iam:*"]}, "iam:PassRole")
	not iam.allows_action({"Effect": "Allow", "Action": ["iam:GetRole"]}, "iam:PassRole")
}

test_principals if {
	iam.principals({"Principal": "*"}) == ["*"]
	iam.principals({"Principal": {"AWS": ["arn:a", "*"], "Service": "ec2.amazonaws.com"}}) == ["arn:a", "*", "ec2.amazonaws.com"]
	iam.principal_is_public({"Principal": {"AWS": "*"}})
	not iam.principal_is_public({"Principal": {"AWS": u}})
	not iam.principal_is_public({"Principal": {"Service": "ec2.amazonaws.com"}})
}

test_has_condition if {
	iam.has_condition({"Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-1"}}})
	iam.has_condition({"Condition": u})
	not iam.has_condition({"Condition": {}})
	not iam.has_condition({})
}

test_identity_statements if {
	role := {"address": "aws_iam_role.r", "type": "aws_iam_role", "name": "r", "references": [], "config": {"inline_policy": [{"name": "i", "policy": {"Statement": {"Effect": "Allow", "Action": "s3:*"}}}]}}
	pol := {"address": "aws_iam_policy.p", "type": "aws_iam_policy", "name": "p", "references": [], "config": {"policy": {"Statement": [{"Effect": "Deny", "Action": "*"}]}}}
	opaque := {"address": "aws_iam_policy.o", "type": "aws_iam_policy", "name": "o", "references": [], "config": {"policy": {"$unknown": "var.doc"}}}
	found := iam.identity_statements with input as {"resources": [role, pol, opaque]}
	found == {
		{"resource": role, "path": ["inline_policy", 0, "policy", "Statement"], "statement": {"Effect": "Allow", "Action": "s3:*"}},
		{"resource": pol, "path": ["policy", "Statement", 0], "statement": {"Effect": "Deny", "Action": "*"}},
	}
}

# A managed policy used only as a permissions boundary grants nothing (the GitHub-runners
# setup-iam-permissions module, held-out H3): named in a role's permissions_boundary, or required by
# another policy's iam:PermissionsBoundary condition (templatefile variable or direct reference).
# Attached anywhere else in the unit, it is an identity policy again.
boundary_doc := {"Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}

boundary_policy(name) := {"address": sprintf("aws_iam_policy.%s", [name]), "type": "aws_iam_policy", "name": name, "references": [], "config": {"policy": boundary_doc}}

test_boundary_only_policies_are_not_identity_policies if {
	bounded := {"address": "aws_iam_role.deploy", "type": "aws_iam_role", "name": "deploy", "config": {}, "references": [{"path": ["permissions_boundary"], "target": "aws_iam_policy.cap", "attribute": "arn"}]}
	creator := {"address": "aws_iam_policy.creator", "type": "aws_iam_policy", "name": "creator", "config": {"policy": {"Statement": [{"Effect": "Allow", "Action": "iam:CreateRole", "Resource": "arn:aws:iam::1:role/ns/*", "Condition": {"StringEquals": {"iam:PermissionsBoundary": {"$unknown": "permission_boundary"}}}}]}}, "references": [{"path": ["policy", "permission_boundary"], "target": "aws_iam_policy.child_cap", "attribute": "arn"}]}
	found := {st.resource.address | some st in iam.identity_statements} with input as {"resources": [bounded, creator, boundary_policy("cap"), boundary_policy("child_cap"), boundary_policy("plain")]}
	found == {"aws_iam_policy.creator", "aws_iam_policy.plain"}
}

test_boundary_also_attached_is_an_identity_policy if {
	bounded := {"address": "aws_iam_role.deploy", "type": "aws_iam_role", "name": "deploy", "config": {}, "references": [{"path": ["permissions_boundary"], "target": "aws_iam_policy.cap", "attribute": "arn"}]}
	attachment := {"address": "aws_iam_role_policy_attachment.a", "type": "aws_iam_role_policy_attachment", "name": "a", "config": {}, "references": [{"path": ["policy_arn"], "target": "aws_iam_policy.cap", "attribute": "arn"}]}
	found := {st.resource.address | some st in iam.identity_statements} with input as {"resources": [bounded, attachment, boundary_policy("cap")]}
	found == {"aws_iam_policy.cap"}
}

# Session 24: an opaque terraform-aws-modules/iam iam-policy call creates one managed policy from
# its `policy` input; other submodules' inputs are not documents, a call whose code is read has its
# resources in the model already, and a call used only as a role's boundary grants nothing.
policy_call(address, source, extra) := object.union({"address": address, "source": source, "config": {"policy": boundary_doc}}, extra)

test_iam_policy_module_documents if {
	registry := policy_call("module.deployer", "terraform-aws-modules/iam/aws//modules/iam-policy", {})
	github := policy_call("module.gh", "github.com/terraform-aws-modules/terraform-aws-iam//modules/iam-policy?ref=v5.39.0", {})
	role_module := policy_call("module.role", "terraform-aws-modules/iam/aws//modules/iam-role", {})
	read := policy_call("module.read", "terraform-aws-modules/iam/aws//modules/iam-policy", {"dir": ".terraform/modules/read/modules/iam-policy"})
	unknown_doc := {"address": "module.u", "source": "terraform-aws-modules/iam/aws//modules/iam-policy", "config": {"policy": {"$unknown": "var.doc"}}}
	found := iam.identity_statements with input as {"resources": [], "modules": [registry, github, role_module, read, unknown_doc]}
	{[st.resource.address, st.path] | some st in found} == {["module.deployer", ["policy", "Statement", 0]], ["module.gh", ["policy", "Statement", 0]]}
}

test_iam_policy_module_used_as_boundary_only if {
	bounded := {"address": "aws_iam_role.deploy", "type": "aws_iam_role", "name": "deploy", "config": {}, "references": [{"path": ["permissions_boundary"], "target": "module.cap", "attribute": "arn"}]}
	cap := policy_call("module.cap", "terraform-aws-modules/iam/aws//modules/iam-policy", {})
	count(iam.identity_statements) == 0 with input as {"resources": [bounded], "modules": [cap]}
	attachment := {"address": "aws_iam_role_policy_attachment.a", "type": "aws_iam_role_policy_attachment", "name": "a", "config": {}, "references": [{"path": ["policy_arn"], "target": "module.cap", "attribute": "arn"}]}
	count(iam.identity_statements) == 1 with input as {"resources": [bounded, attachment], "modules": [cap]}
}

# Session 24: a pattern covers a resource type when it matches the type's ARN resource part with
# each variable written as "*".
arn_entry(arn) := e if [e] := iam.wildcard_arns({"Resource": arn})

test_covers_type_format if {
	iam.covers_type_format(arn_entry("arn:aws:logs:*:*:log-group:*"), "logs", "*:*:log-group:*")
	iam.covers_type_format(arn_entry("arn:aws:logs:eu-west-1:111122223333:log-group:*"), "logs", "*:*:log-group:*:log-stream:*")
	iam.covers_type_format(arn_entry("arn:aws:logs:*:*:log-group*"), "logs", "*:*:log-group:*:log-stream:*")
	iam.covers_type_format(arn_entry("arn:aws:logs:*:*:log-group:*:*"), "logs", "*:*:log-group:*:log-stream:*")
	iam.covers_type_format(arn_entry("arn:aws:logs:*:*:log-group:*:log-stream:*"), "logs", "*:*:log-group:*:log-stream:*")
	iam.covers_type_format(arn_entry("arn:aws:*:*:*:log-group:*"), "logs", "*:*:log-group:*")
	not iam.covers_type_format(arn_entry("arn:aws:logs:*:*:log-group:*:log-stream:*"), "logs", "*:*:log-group:*")
	not iam.covers_type_format(arn_entry("arn:aws:logs:*:*:log-group:*:*"), "logs", "*:*:log-group:*")
	not iam.covers_type_format(arn_entry("arn:aws:logs:*:*:log-group:/aws/lambda/*"), "logs", "*:*:log-group:*")
	not iam.covers_type_format(arn_entry("arn:aws:logs:*:*:log-group:?*"), "logs", "*:*:log-group:*")
	not iam.covers_type_format(arn_entry("arn:aws:logs:*:*:log-group:*"), "ssm", "*:*:log-group:*")
	iam.covers_type_format(arn_entry("arn:aws:s3:::*/*"), "s3", "::*/*")
	iam.covers_type_format(arn_entry("arn:aws:s3:*:*:*/*"), "s3", "::*/*")
	not iam.covers_type_format(arn_entry("arn:aws:s3:::*/*"), "s3", "::*")
	not iam.covers_type_format(arn_entry("arn:aws:s3:::*/*"), "s3", "*:*:accesspoint/*")
	iam.covers_type_format(arn_entry("arn:aws:iam::111122223333:role/*"), "iam", ":*:role/*")
	not iam.covers_type_format(arn_entry("arn:aws:iam::111122223333:role/app.*"), "iam", ":*:role/*")
}

test_public_statements if {
	doc := {"Statement": [
		{"Effect": "Allow", "Principal": "*", "Action": "sqs:SendMessage"},
		{"Effect": "Allow", "Principal": "*", "Action": "sqs:SendMessage", "Condition": {"ArnEquals": {"aws:SourceArn": "arn:x"}}},
		{"Effect": "Deny", "Principal": "*", "Action": "*"},
	]}
	iam.public_statements(doc) == [{"statement": {"Effect": "Allow", "Principal": "*", "Action": "sqs:SendMessage"}, "path": ["Statement", 0]}]
	iam.public_statements({"$unknown": "x"}) == []
}

test_aws_principals_and_accounts if {
	iam.aws_principals({"Principal": {"AWS": ["arn:aws:iam::123456789012:root"], "Service": "x"}}) == ["arn:aws:iam::123456789012:root"]
	iam.aws_principals({"Principal": "*"}) == ["*"]
	iam.aws_principals({"Principal": {"Service": "ec2.amazonaws.com"}}) == []
	iam.account_principal("arn:aws:iam::123456789012:role/x") == "123456789012"
	iam.account_principal("123456789012") == "123456789012"
	not iam.account_principal("*")
	not iam.account_principal(u)
}

test_requires_mfa_and_external_id if {
	iam.requires_mfa({"Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}})

	# Round 36: with IfExists an absent key passes, and long-term keys carry no
	# aws:MultiFactorAuthPresent: such an Allow admits callers without MFA.
	not iam.requires_mfa({"Condition": {"BoolIfExists": {"aws:MultiFactorAuthPresent": true}}})
	iam.requires_mfa({"Condition": {"Bool": {"aws:MultiFactorAuthPresent": true}}})
	iam.requires_mfa({"Condition": {"NumericLessThan": {"aws:MultiFactorAuthAge": "3600"}}})
	not iam.requires_mfa({"Condition": {"Bool": {"aws:MultiFactorAuthPresent": "false"}}})
	not iam.requires_mfa({})
	iam.requires_external_id({"Condition": {"StringEquals": {"sts:ExternalId": "abc"}}})
	not iam.requires_external_id({"Condition": {"StringEquals": {"sts:ExternalId": ""}}})
	not iam.requires_external_id({"Condition": {"StringNotEquals": {"sts:ExternalId": "abc"}}})

	# Round 36: a pattern that matches any value, or IfExists (a request without an external ID
	# passes), pins nothing.
	not iam.requires_external_id({"Condition": {"StringLike": {"sts:ExternalId": "*"}}})
	not iam.requires_external_id({"Condition": {"StringLike": {"sts:ExternalId": ["?*"]}}})
	not iam.requires_external_id({"Condition": {"StringEqualsIfExists": {"sts:ExternalId": "abc"}}})
	iam.requires_external_id({"Condition": {"StringLike": {"sts:ExternalId": "tenant-42-*"}}})
	iam.requires_external_id({"Condition": {"StringEqualsIgnoreCase": {"sts:ExternalId": "abc"}}})
	iam.condition_unknown({"Condition": {"StringEquals": {"sts:ExternalId": u}}})
	iam.condition_unknown({"Condition": u})
	not iam.condition_unknown({"Condition": {"StringEquals": {"sts:ExternalId": "x"}}})
}

test_star_resource_paths if {
	iam.star_resource_paths({"Resource": "*"}) == [["Resource"]]
	iam.star_resource_paths({"Resource": ["arn:aws:s3:::b", "*"]}) == [["Resource", 1]]
	iam.star_resource_paths({"Resource": "arn:aws:s3:::b"}) == []
	iam.star_resource_paths({}) == []
}

test_has_unknown_statement if {
	iam.has_unknown_statement({"Statement": [{"$unknown": "local.sources"}, {"Effect": "Allow"}]})
	iam.has_unknown_statement({"Statement": {"$unknown": "var.statements"}})
	not iam.has_unknown_statement({"Statement": [{"Effect": "Allow", "Resource": {"$unknown": "var.arn"}}]})
	not iam.has_unknown_statement({"Statement": {"Effect": "Allow"}})
}

# Session 23 (held-out corpora 20–22): an ARN pattern over a whole resource type grants what "*"
# grants for that type's actions.
every_of_type(r, service) if {
	some e in iam.wildcard_arns({"Resource": r})
	iam.covers_every_of_type(e, service)
}

test_covers_every_of_type if {
	every_of_type("arn:aws:secretsmanager:*:*:secret:*", "secretsmanager")
	every_of_type("arn:aws:secretsmanager:eu-west-2:123456789012:secret:*", "secretsmanager")
	every_of_type("arn:aws:secretsmanager:*:*:*", "secretsmanager")
	every_of_type("arn:aws:s3:::*", "s3")
	every_of_type("arn:aws:s3:::*/*", "s3")
	every_of_type("arn:aws:ssm:*:*:parameter/*", "ssm")
	every_of_type("arn:aws:ssm:*:*:parameter*", "ssm")
	every_of_type("arn:aws:dynamodb:*:*:table/*", "dynamodb")
	every_of_type("arn:aws-us-gov:kms:*:*:key/*", "kms")
	every_of_type("arn:aws:*:*:*:*", "kms")
	every_of_type("arn:aws:logs:*:*:*", "logs")
}

test_covers_every_of_type_quiet_on_prefixes if {
	not every_of_type("arn:aws:secretsmanager:*:*:secret:app/*", "secretsmanager")
	not every_of_type("arn:aws:s3:::my-bucket/*", "s3")
	not every_of_type("arn:aws:s3:::logs-*", "s3")
	not every_of_type("arn:aws:ssm:*:*:parameter/app/*", "ssm")
	not every_of_type("arn:aws:dynamodb:*:*:table/orders*", "dynamodb")
	not every_of_type("arn:aws:kms:*:*:alias/*", "kms")
	not every_of_type("arn:aws:logs:*:*:log-group:/aws/lambda/*", "logs")
	not every_of_type("arn:aws:s3:::*", "secretsmanager")
	not every_of_type("arn:aws:secretsmanager:us-*:*:secret:*", "secretsmanager")
	not every_of_type("*", "s3")
	not every_of_type("arn:aws:s3:::b", "s3")
}

test_covers_every_of_type_interpolated if {
	# A whole interpolation in the region or account: every secret of whichever account it is.
	every_of_type({"$unknown": "\"arn:aws:secretsmanager:${var.region}:${var.account}:secret:*\""}, "secretsmanager")
	every_of_type({"$unknown": "arn:${data.aws_partition.current.partition}:ssm:*:${var.account}:parameter/*"}, "ssm")

	# An interpolation in the resource part, or one standing for region and account together, is not judged.
	not every_of_type({"$unknown": "\"arn:aws:secretsmanager:*:*:secret:${var.prefix}*\""}, "secretsmanager")
	not every_of_type({"$unknown": "\"arn:aws:s3:::${var.bucket}/*\""}, "s3")
	not every_of_type({"$unknown": "\"arn:aws:secretsmanager:${local.region_account}:secret:*\""}, "secretsmanager")
	not every_of_type({"$unknown": "\"arn:aws:secretsmanager:eu-${var.r}:*:secret:*\""}, "secretsmanager")
	not every_of_type({"$unknown": "var.arns"}, "s3")
}

# Review (session 23, R5): IAM matches each ARN field as written, "*" and "?" the only wildcards, so
# an empty region or account matches only resources whose ARNs have none there (S3's, IAM's region,
# SSM's public parameters), not the account's secrets, parameters, tables, keys or log groups.
test_empty_region_or_account_is_not_every_resource if {
	not every_of_type("arn:aws:ssm:us-east-1::parameter/*", "ssm")
	not every_of_type("arn:aws:secretsmanager:::secret:*", "secretsmanager")
	not every_of_type("arn:aws:dynamodb::123456789012:table/*", "dynamodb")
	not every_of_service("arn:aws:logs:::*", "logs")
}

every_of_service(r, service) if {
	some e in iam.wildcard_arns({"Resource": r})
	iam.covers_every_of_service(e, service)
}

test_empty_fields_where_the_service_has_none if {
	every_of_type("arn:aws:s3:::*/*", "s3")
	every_of_service("arn:aws:iam::123456789012:*", "iam")
	every_of_service("arn:aws:iam::*:*", "iam")
}

test_covers_every_of_service if {
	some e in iam.wildcard_arns({"Resource": "arn:aws:logs:*:*:*"})
	iam.covers_every_of_service(e, "logs")
	some f in iam.wildcard_arns({"Resource": "arn:aws:secretsmanager:*:*:secret:*"})
	not iam.covers_every_of_service(f, "secretsmanager")
}

test_wildcard_arns_paths if {
	s := {"Effect": "Allow", "Action": "s3:GetObject", "Resource": ["arn:aws:s3:::b/*", "arn:aws:s3:::*/*", "*", "arn:aws:s3:::b"]}
	iam.wildcard_arns(s) == [
		{"path": ["Resource", 0], "service": "s3", "resource": "b/*", "arn": "arn:aws:s3:::b/*", "fields": "::b/*"},
		{"path": ["Resource", 1], "service": "s3", "resource": "*/*", "arn": "arn:aws:s3:::*/*", "fields": "::*/*"},
	]
	iam.wildcard_arns({"Resource": "arn:aws:KMS:*:*:key/*"}) == [{"path": ["Resource"], "service": "kms", "resource": "key/*", "arn": "arn:aws:KMS:*:*:key/*", "fields": "*:*:key/*"}]
	[e] := iam.wildcard_arns({"Resource": "arn:aws:logs:us-east-1:${var.account}:log-group:*"})
	e.fields == "*:*:log-group:*"
	iam.wildcard_arns({"NotResource": "arn:aws:kms:*:*:key/*"}) == []
}
