package palisade.aws.s3.bucket_insecure_transport_test

import data.palisade.aws.s3.bucket_insecure_transport as rule

bucket := {"address": "aws_s3_bucket.logs", "type": "aws_s3_bucket", "name": "logs", "config": {"bucket": "corp-logs"}, "references": []}

policy(doc) := {
	"address": "aws_s3_bucket_policy.logs", "type": "aws_s3_bucket_policy", "name": "logs",
	"config": {"bucket": {"$unknown": "aws_s3_bucket.logs.id"}, "policy": doc},
	"references": [{"path": ["bucket"], "target": "aws_s3_bucket.logs", "attribute": "id"}],
}

deny_http := {"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": ["arn:aws:s3:::corp-logs/*"], "Condition": {"Bool": {"aws:SecureTransport": "false"}}}

allow_read := {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "s3:GetObject", "Resource": "*"}

test_no_policy_fires_on_bucket if {
	rule.deny == {{"msg": "aws_s3_bucket.logs has no bucket policy denying insecure (HTTP) requests", "resource": "aws_s3_bucket.logs", "path": [], "fix": [{"config": {"bucket": {"$expr": "aws_s3_bucket.logs.id"}, "policy": {"$expr": "jsonencode({\n    Version = \"2012-10-17\"\n    Statement = [{\n      Sid       = \"DenyInsecureTransport\"\n      Effect    = \"Deny\"\n      Principal = \"*\"\n      Action    = \"s3:*\"\n      Resource  = [aws_s3_bucket.logs.arn, \"${aws_s3_bucket.logs.arn}/*\"]\n      Condition = { Bool = { \"aws:SecureTransport\" = \"false\" } }\n    }]\n  })"}}, "name": "logs", "op": "add_resource", "type": "aws_s3_bucket_policy"}]}} with input as {"resources": [bucket]}
}

test_policy_without_deny_fires_on_policy if {
	rule.deny == {{"msg": "the policy of aws_s3_bucket.logs does not deny insecure (HTTP) requests", "resource": "aws_s3_bucket_policy.logs", "path": ["policy"]}} with input as {"resources": [bucket, policy({"Statement": [allow_read]})]}
}

test_deny_statement_passes if {
	count(rule.deny) == 0 with input as {"resources": [bucket, policy({"Statement": [allow_read, deny_http]})]}
	count(rule.deny) == 0 with input as {"resources": [bucket, policy({"Statement": object.union(deny_http, {"Condition": {"Bool": {"aws:SecureTransport": [false]}}})})]}
}

test_unknown_policy_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [bucket, policy({"$unknown": "data.aws_iam_policy_document.x.json"})]}
}

test_unresolved_policy_resource_does_not_fire if {
	p := {"address": "aws_s3_bucket_policy.x", "type": "aws_s3_bucket_policy", "name": "x", "config": {"bucket": {"$unknown": "var.bucket"}, "policy": {"Statement": []}}, "references": []}
	count(rule.deny) == 0 with input as {"resources": [bucket, p]}
}

# The Deny must cover every S3 action, every principal and every object of the bucket.
deny_with(changes) := object.union(deny_http, changes)

test_deny_limited_to_other_actions_fires if {
	count(rule.deny) == 1 with input as {"resources": [bucket, policy({"Statement": [deny_with({"Action": "nots3:*"})]})]}
	count(rule.deny) == 1 with input as {"resources": [bucket, policy({"Statement": [deny_with({"Action": ["s3:GetObject", "s3:PutObject"]})]})]}
	count(rule.deny) == 1 with input as {"resources": [bucket, policy({"Statement": [deny_with({"Action": "s3:Get*"})]})]}
}

test_deny_of_every_action_passes if {
	count(rule.deny) == 0 with input as {"resources": [bucket, policy({"Statement": [deny_with({"Action": "*"})]})]}
	count(rule.deny) == 0 with input as {"resources": [bucket, policy({"Statement": [deny_with({"Action": ["s3:getObject", "S3:*"]})]})]}
	count(rule.deny) == 0 with input as {"resources": [bucket, policy({"Statement": [deny_with({"Action": {"$unknown": "var.actions"}})]})]}
	count(rule.deny) == 0 with input as {"resources": [bucket, policy({"Statement": [object.union(object.remove(deny_http, ["Action"]), {"NotAction": "iam:*"})]})]}
}

test_deny_for_some_principals_fires if {
	count(rule.deny) == 1 with input as {"resources": [bucket, policy({"Statement": [deny_with({"Principal": {"AWS": "arn:aws:iam::111122223333:root"}})]})]}
}

test_deny_for_everyone_passes if {
	count(rule.deny) == 0 with input as {"resources": [bucket, policy({"Statement": [deny_with({"Principal": {"AWS": "*"}})]})]}
	count(rule.deny) == 0 with input as {"resources": [bucket, policy({"Statement": [deny_with({"Principal": {"AWS": ["*"]}})]})]}
	count(rule.deny) == 0 with input as {"resources": [bucket, policy({"Statement": [deny_with({"Principal": {"AWS": {"$unknown": "var.principals"}}})]})]}
}

test_deny_on_some_objects_fires if {
	count(rule.deny) == 1 with input as {"resources": [bucket, policy({"Statement": [deny_with({"Resource": ["arn:aws:s3:::corp-logs", "arn:aws:s3:::corp-logs/private/*"]})]})]}
	count(rule.deny) == 1 with input as {"resources": [bucket, policy({"Statement": [deny_with({"Resource": ["arn:aws:s3:::corp-logs", "arn:aws:s3:::corp-logsx/*"]})]})]}
	count(rule.deny) == 1 with input as {"resources": [bucket, policy({"Statement": [deny_with({"Resource": "arn:aws:s3:::corp-logs"})]})]}
}

test_deny_on_every_object_passes if {
	count(rule.deny) == 0 with input as {"resources": [bucket, policy({"Statement": [deny_with({"Resource": "*"})]})]}
	count(rule.deny) == 0 with input as {"resources": [bucket, policy({"Statement": [deny_with({"Resource": ["arn:aws:s3:::corp-logs/private/*", "arn:aws:s3:::corp-*"]})]})]}
	count(rule.deny) == 0 with input as {"resources": [bucket, policy({"Statement": [deny_with({"Resource": "arn:aws-us-gov:s3:::corp-logs/*"})]})]}
	count(rule.deny) == 0 with input as {"resources": [bucket, policy({"Statement": [deny_with({"Resource": [{"$unknown": "aws_s3_bucket.logs.arn"}, {"$unknown": "${aws_s3_bucket.logs.arn}/*"}]})]})]}
}

# A bare reference to a bucket's arn names the bucket, never a key, like a literal bucket ARN; other
# unknowns (a template, a variable, each.value.arn) may cover the keys.
test_deny_on_bucket_arn_reference_alone_fires if {
	count(rule.deny) == 1 with input as {"resources": [bucket, policy({"Statement": [deny_with({"Resource": {"$unknown": "aws_s3_bucket.logs.arn"}})]})]}
	count(rule.deny) == 1 with input as {"resources": [bucket, policy({"Statement": [deny_with({"Resource": [{"$unknown": "aws_s3_bucket.logs[0].arn"}]})]})]}
	count(rule.deny) == 1 with input as {"resources": [bucket, policy({"Statement": [deny_with({"Resource": [{"$unknown": "data.aws_s3_bucket.logs.arn"}]})]})]}
	count(rule.deny) == 0 with input as {"resources": [bucket, policy({"Statement": [deny_with({"Resource": [{"$unknown": "each.value.arn"}]})]})]}
	count(rule.deny) == 0 with input as {"resources": [bucket, policy({"Statement": [deny_with({"Resource": {"$unknown": "var.resources"}})]})]}
}

# Templates (the model quotes their source): one ending in literal text after its last
# interpolation names one key; an ARN template names one principal (Sonar sonar-iac cases, round 11).
test_deny_on_templated_key_or_principal_fires if {
	count(rule.deny) == 1 with input as {"resources": [bucket, policy({"Statement": [deny_with({"Resource": [{"$unknown": `"${aws_s3_bucket.logs.arn}/foo"`}]})]})]}
	count(rule.deny) == 1 with input as {"resources": [bucket, policy({"Statement": [deny_with({"Principal": {"AWS": [{"$unknown": `"arn:aws:iam::${data.aws_caller_identity.current.account_id}:root"`}]}})]})]}
	count(rule.deny) == 0 with input as {"resources": [bucket, policy({"Statement": [deny_with({"Resource": [{"$unknown": `"${aws_s3_bucket.logs.arn}/*"`}]})]})]}
	count(rule.deny) == 0 with input as {"resources": [bucket, policy({"Statement": [deny_with({"Resource": [{"$unknown": `"arn:aws:s3:::${var.name}/${var.prefix}*"`}]})]})]}
	count(rule.deny) == 0 with input as {"resources": [bucket, policy({"Statement": [deny_with({"Resource": [{"$unknown": `"${var.object_arns}"`}]})]})]}
	count(rule.deny) == 0 with input as {"resources": [bucket, policy({"Statement": [deny_with({"Principal": {"AWS": [{"$unknown": `"${var.principal}"`}]}})]})]}
}

# The same templates written as a single value rather than a one-element list (round 13): the
# unknown string was taken as "may be anything" before the template test was reached.
test_single_templated_key_or_principal_fires if {
	count(rule.deny) == 1 with input as {"resources": [bucket, policy({"Statement": [deny_with({"Resource": {"$unknown": `"${aws_s3_bucket.logs.arn}/reports/summary.csv"`}})]})]}
	count(rule.deny) == 1 with input as {"resources": [bucket, policy({"Statement": [deny_with({"Principal": {"AWS": {"$unknown": `"arn:aws:iam::${data.aws_caller_identity.current.account_id}:root"`}}})]})]}
	count(rule.deny) == 0 with input as {"resources": [bucket, policy({"Statement": [deny_with({"Resource": {"$unknown": `"${aws_s3_bucket.logs.arn}/*"`}})]})]}
	count(rule.deny) == 0 with input as {"resources": [bucket, policy({"Statement": [deny_with({"Principal": {"AWS": {"$unknown": "var.principal"}}})]})]}
}

# An unknown Effect may be Deny (sonar-iac, round 11): the finding would rest on the unknown.
test_deny_with_unknown_effect_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [bucket, policy({"Statement": [deny_with({"Effect": {"$unknown": `"${var.effect}"`}})]})]}
	count(rule.deny) == 1 with input as {"resources": [bucket, policy({"Statement": [deny_with({"Effect": "Allow"})]})]}
}

# Without a known bucket name any object glob may be this bucket's.
test_unnamed_bucket_accepts_object_globs if {
	unnamed := object.union(object.remove(bucket, ["config"]), {"config": {"bucket_prefix": "corp-"}})
	count(rule.deny) == 0 with input as {"resources": [unnamed, policy({"Statement": [deny_with({"Resource": "arn:aws:s3:::corp-abc/*"})]})]}
}

s3_module(config) := {"address": "module.b", "name": "b", "source": "terraform-aws-modules/s3-bucket/aws", "version": "~> 4.0", "config": config}

test_registry_module_without_http_deny_fires if {
	{[f.resource, f.path] | some f in rule.deny} == {["module.b", []]} with input as {"resources": [], "modules": [s3_module({"bucket": "x"})]}
	{[f.resource, f.path] | some f in rule.deny} == {["module.b", ["attach_deny_insecure_transport_policy"]]} with input as {"resources": [], "modules": [s3_module({"attach_deny_insecure_transport_policy": false})]}

	# An attached policy without such a deny does not help, nor does a policy left unattached.
	allow_only := {"Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "s3:GetObject", "Resource": "*"}]}
	count(rule.deny) == 1 with input as {"resources": [], "modules": [s3_module({"attach_policy": true, "policy": allow_only})]}
	tls := {"Statement": [{"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]}
	count(rule.deny) == 1 with input as {"resources": [], "modules": [s3_module({"policy": tls})]}
}

test_registry_module_with_http_deny_passes if {
	count(rule.deny) == 0 with input as {"resources": [], "modules": [s3_module({"attach_deny_insecure_transport_policy": true})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [s3_module({"attach_deny_insecure_transport_policy": {"$unknown": "var.tls"}})]}
	tls := {"Statement": [{"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [s3_module({"attach_policy": true, "policy": tls})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [s3_module({"attach_policy": true, "policy": {"$unknown": "data.aws_iam_policy_document.p.json"}})]}
}

# A statement Palisade cannot read (the list of source documents merged into a policy document is
# unknown as a whole) may be the Deny: NHS Mavis's s3 module, twenty-second held-out corpus.
test_unknown_statement_may_deny if {
	sources := {"$unknown": "concat([data.aws_iam_policy_document.block_http_access.json], local.extra)"}
	count(rule.deny) == 0 with input as {"resources": [bucket, policy({"Statement": [sources, allow_read]})]}
	count(rule.deny) == 0 with input as {"resources": [bucket, policy({"Statement": sources})]}
}
