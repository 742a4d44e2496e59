package palisade.aws.s3.bucket_encryption_missing_test

import data.palisade.aws.s3.bucket_encryption_missing as rule

bucket(config) := {"address": "aws_s3_bucket.logs", "type": "aws_s3_bucket", "name": "logs", "config": config, "references": []}

test_missing_fires if {
	rule.deny == {{
		"msg": "aws_s3_bucket.logs has no server-side encryption configuration",
		"resource": "aws_s3_bucket.logs", "path": ["server_side_encryption_configuration"],
		"fix": [{"op": "add_resource", "type": "aws_s3_bucket_server_side_encryption_configuration", "name": "logs", "config": {
			"bucket": {"$expr": "aws_s3_bucket.logs.id"},
			"rule": [{"apply_server_side_encryption_by_default": [{"sse_algorithm": "aws:kms"}], "bucket_key_enabled": true}],
		}}],
	}} with input as {"resources": [bucket({"bucket": "corp-logs"})]}
}

test_inline_passes if {
	sse := [{"rule": [{"apply_server_side_encryption_by_default": [{"sse_algorithm": "AES256"}]}]}]
	count(rule.deny) == 0 with input as {"resources": [bucket({"server_side_encryption_configuration": sse})]}
}

test_companion_passes if {
	c := {"address": "aws_s3_bucket_server_side_encryption_configuration.logs", "type": "aws_s3_bucket_server_side_encryption_configuration", "name": "logs", "config": {"bucket": {"$unknown": "aws_s3_bucket.logs.id"}}, "references": [{"path": ["bucket"], "target": "aws_s3_bucket.logs", "attribute": "id"}]}
	count(rule.deny) == 0 with input as {"resources": [bucket({}), c]}
}

test_unknown_inline_block_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [bucket({"server_side_encryption_configuration": {"$unknown": "var.sse"}})]}
}

call(config) := {"address": "module.b", "source": "terraform-aws-modules/s3-bucket/aws", "config": config}

test_opaque_module_without_encryption_fires_on_the_call if {
	sse := {"rule": {"apply_server_side_encryption_by_default": {"sse_algorithm": "aws:kms"}, "bucket_key_enabled": true}}
	rule.deny == {{
		"msg": "module.b has no server-side encryption configuration",
		"resource": "module.b", "path": ["server_side_encryption_configuration"],
		"fix": [{"op": "set", "path": ["server_side_encryption_configuration"], "value": sse}],
	}} with input as {"resources": [], "modules": [call({"bucket": "b"})]}
	count(rule.deny) == 1 with input as {"resources": [], "modules": [call({"server_side_encryption_configuration": {}})]}
}

test_opaque_module_with_encryption_or_switched_off_passes if {
	sse := {"rule": {"apply_server_side_encryption_by_default": {"sse_algorithm": "AES256"}}}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [call({"server_side_encryption_configuration": sse})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [call({"server_side_encryption_configuration": {"$unknown": "var.sse"}})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [call({"create_bucket": false})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [call({"create_bucket": {"$unknown": "var.create"}})]}
}

test_opaque_object_submodule_is_not_a_bucket if {
	m := {"address": "module.o", "source": "terraform-aws-modules/s3-bucket/aws//modules/object", "config": {}}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [m]}
}

test_opaque_load_balancer_log_bucket_is_fixed_with_sse_s3 if {
	some f in rule.deny with input as {"resources": [], "modules": [call({"attach_lb_log_delivery_policy": true})]}
	f.fix == [{"op": "set", "path": ["server_side_encryption_configuration"], "value": {"rule": {"apply_server_side_encryption_by_default": {"sse_algorithm": "AES256"}}}}]
}

# Held-out round 16 (network-firewall example): a bucket whose policy admits
# delivery.logs.amazonaws.com receives vended logs, which an AWS managed key makes unreadable.
delivery_policy(service) := {
	"address": "aws_s3_bucket_policy.logs", "type": "aws_s3_bucket_policy", "name": "logs",
	"config": {"bucket": {"$unknown": "aws_s3_bucket.logs.id"}, "policy": {"Statement": [{
		"Effect": "Allow", "Action": "s3:PutObject", "Principal": {"Service": service},
		"Resource": {"$unknown": "\"${aws_s3_bucket.logs.arn}/AWSLogs/*\""},
	}]}},
	"references": [{"path": ["bucket"], "target": "aws_s3_bucket.logs", "attribute": "id"}],
}

sse_s3_fix := [{"op": "add_resource", "type": "aws_s3_bucket_server_side_encryption_configuration", "name": "logs", "config": {
	"bucket": {"$expr": "aws_s3_bucket.logs.id"},
	"rule": [{"apply_server_side_encryption_by_default": [{"sse_algorithm": "AES256"}]}],
}}]

test_log_delivery_bucket_is_fixed_with_sse_s3 if {
	some f in rule.deny with input as {"resources": [bucket({}), delivery_policy("delivery.logs.amazonaws.com")]}
	f.fix == sse_s3_fix
	some g in rule.deny with input as {"resources": [bucket({}), delivery_policy(["logging.s3.amazonaws.com"])]}
	g.fix == sse_s3_fix
	some h in rule.deny with input as {"resources": [bucket({"acl": "log-delivery-write"})]}
	h.fix == sse_s3_fix
}

test_other_service_principal_keeps_sse_kms if {
	some f in rule.deny with input as {"resources": [bucket({}), delivery_policy("cloudfront.amazonaws.com")]}
	f.fix[0].config.rule[0].apply_server_side_encryption_by_default == [{"sse_algorithm": "aws:kms"}]
}

test_opaque_access_and_waf_log_buckets_are_fixed_with_sse_s3 if {
	sse := {"rule": {"apply_server_side_encryption_by_default": {"sse_algorithm": "AES256"}}}
	some f in rule.deny with input as {"resources": [], "modules": [call({"attach_access_log_delivery_policy": true})]}
	f.fix == [{"op": "set", "path": ["server_side_encryption_configuration"], "value": sse}]
	some g in rule.deny with input as {"resources": [], "modules": [call({"attach_waf_log_delivery_policy": true})]}
	g.fix == [{"op": "set", "path": ["server_side_encryption_configuration"], "value": sse}]
}

# terraform-aws-elb's example: the classic load balancer's log bucket grants the Region's ELB
# account (an unknown data-source ARN) PutObject; ELB cannot deliver to an SSE-KMS bucket.
test_elb_log_bucket_is_fixed_with_sse_s3 if {
	policy := {"Version": "2012-10-17", "Statement": [{
		"Effect": "Allow", "Action": "s3:PutObject",
		"Resource": {"$unknown": "\"arn:aws:s3:::elb-logs-${random_pet.this.id}/*\""},
		"Principal": {"AWS": {"$unknown": "data.aws_elb_service_account.this.arn"}},
	}]}
	some f in rule.deny with input as {"resources": [bucket({"bucket": "elb-logs", "policy": policy})]}
	f.fix == sse_s3_fix
}

test_log_delivery_service_or_acl_bucket_is_fixed_with_sse_s3 if {
	policy := {"Statement": {"Effect": "Allow", "Action": "s3:PutObject", "Resource": "*", "Principal": {"Service": ["logging.s3.amazonaws.com"]}}}
	some f in rule.deny with input as {"resources": [bucket({"policy": policy})]}
	f.fix == sse_s3_fix
	some g in rule.deny with input as {"resources": [bucket({"acl": "log-delivery-write"})]}
	g.fix == sse_s3_fix
}

test_other_principals_keep_sse_kms if {
	policy := {"Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Principal": {"AWS": [{"$unknown": "aws_iam_role.app.arn"}], "Service": "cloudfront.amazonaws.com"}}]}
	some f in rule.deny with input as {"resources": [bucket({"policy": policy})]}
	f.fix[0].config.rule[0].apply_server_side_encryption_by_default[0].sse_algorithm == "aws:kms"
}

test_opaque_access_log_bucket_is_fixed_with_sse_s3 if {
	some f in rule.deny with input as {"resources": [], "modules": [call({"attach_access_log_delivery_policy": true})]}
	f.fix[0].value == {"rule": {"apply_server_side_encryption_by_default": {"sse_algorithm": "AES256"}}}
}

# Round 22: the target of server access logging or of load balancer access logs, named by
# reference or by its name, gets SSE-S3 even without a delivery policy written here.
test_log_target_bucket_is_fixed_with_sse_s3 if {
	logging := {"address": "aws_s3_bucket_logging.data", "type": "aws_s3_bucket_logging", "name": "data", "config": {"bucket": {"$unknown": "aws_s3_bucket.data.id"}, "target_bucket": {"$unknown": "aws_s3_bucket.logs.id"}}, "references": [{"path": ["target_bucket"], "target": "aws_s3_bucket.logs", "attribute": "id"}]}
	some f in rule.deny with input as {"resources": [bucket({"bucket": "corp-logs"}), logging]}
	f.fix == sse_s3_fix
	by_name := object.union(logging, {"config": {"target_bucket": "corp-logs"}, "references": []})
	some g in rule.deny with input as {"resources": [bucket({"bucket": "corp-logs"}), by_name]}
	g.fix == sse_s3_fix
	lb := {"address": "aws_lb.web", "type": "aws_lb", "name": "web", "config": {"access_logs": [{"bucket": {"$unknown": "aws_s3_bucket.logs.bucket"}, "enabled": true}]}, "references": [{"path": ["access_logs", 0, "bucket"], "target": "aws_s3_bucket.logs", "attribute": "bucket"}]}
	some h in rule.deny with input as {"resources": [bucket({"bucket": "corp-logs"}), lb]}
	h.fix == sse_s3_fix
}

test_logged_bucket_keeps_sse_kms if {
	# the bucket whose requests are logged is not a log target
	logging := {"address": "aws_s3_bucket_logging.data", "type": "aws_s3_bucket_logging", "name": "data", "config": {"bucket": {"$unknown": "aws_s3_bucket.logs.id"}, "target_bucket": "other-bucket"}, "references": [{"path": ["bucket"], "target": "aws_s3_bucket.logs", "attribute": "id"}]}
	some f in rule.deny with input as {"resources": [bucket({"bucket": "corp-logs"}), logging]}
	f.fix[0].config.rule[0].apply_server_side_encryption_by_default[0].sse_algorithm == "aws:kms"
}

# A trail or AWS Config bucket (CloudTrail and Config write as service principals): SSE-S3, which
# both deliver to; an AWS managed key cannot be granted to them.
test_trail_or_config_bucket_is_fixed_with_sse_s3 if {
	some f in rule.deny with input as {"resources": [bucket({}), delivery_policy("cloudtrail.amazonaws.com")]}
	f.fix == sse_s3_fix
	some g in rule.deny with input as {"resources": [bucket({}), delivery_policy(["config.amazonaws.com"])]}
	g.fix == sse_s3_fix
}

# Held-out round 18 (HashiCorp's static website module): anonymous reads of SSE-KMS objects fail, so
# a website bucket, or one whose policy lets everyone read objects, is fixed with SSE-S3.
test_website_bucket_is_fixed_with_sse_s3 if {
	some f in rule.deny with input as {"resources": [bucket({"website": [{"index_document": "index.html"}]})]}
	f.fix == sse_s3_fix
	site := {"address": "aws_s3_bucket_website_configuration.logs", "type": "aws_s3_bucket_website_configuration", "name": "logs", "config": {"bucket": {"$unknown": "aws_s3_bucket.logs.id"}}, "references": [{"path": ["bucket"], "target": "aws_s3_bucket.logs", "attribute": "id"}]}
	some g in rule.deny with input as {"resources": [bucket({}), site]}
	g.fix == sse_s3_fix
}

test_publicly_readable_bucket_is_fixed_with_sse_s3 if {
	policy := {"Version": "2012-10-17", "Statement": [{"Sid": "PublicReadGetObject", "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::site/*"}]}
	some f in rule.deny with input as {"resources": [bucket({"policy": policy})]}
	f.fix == sse_s3_fix
}

test_conditioned_public_read_keeps_sse_kms if {
	policy := {"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::site/*", "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-abc"}}}]}
	some f in rule.deny with input as {"resources": [bucket({"policy": policy})]}
	f.fix[0].config.rule[0].apply_server_side_encryption_by_default[0].sse_algorithm == "aws:kms"
}

test_opaque_website_bucket_is_fixed_with_sse_s3 if {
	some f in rule.deny with input as {"resources": [], "modules": [call({"website": {"index_document": "index.html"}})]}
	f.fix[0].value == {"rule": {"apply_server_side_encryption_by_default": {"sse_algorithm": "AES256"}}}
}

# A unit pinned below AWS provider 3.75 (a provider block's `version = "2.35.0"`, held-out s19/h3)
# has no aws_s3_bucket_server_side_encryption_configuration: the bucket gets the inline block, SSE-S3.
test_old_provider_pin_gets_the_inline_block if {
	findings := rule.deny with input as {"resources": [bucket({"bucket": "corp-logs"})], "required_providers": {"aws": ["2.35.0"]}}
	count(findings) == 1
	every f in findings {
		f.fix == [{"op": "add_block", "path": [], "type": "server_side_encryption_configuration", "config": {"rule": [{"apply_server_side_encryption_by_default": [{"sse_algorithm": "AES256"}]}]}}]
	}
}
