package palisade.aws.s3.bucket_logging_disabled_test

import data.palisade.aws.s3.bucket_logging_disabled as rule

bucket(name, config) := {"address": sprintf("aws_s3_bucket.%s", [name]), "type": "aws_s3_bucket", "name": name, "config": object.union({"bucket": name}, config), "references": []}

logging := {
	"address": "aws_s3_bucket_logging.data", "type": "aws_s3_bucket_logging", "name": "data",
	"config": {"bucket": {"$unknown": "aws_s3_bucket.data.id"}, "target_bucket": {"$unknown": "aws_s3_bucket.logs.id"}},
	"references": [
		{"path": ["bucket"], "target": "aws_s3_bucket.data", "attribute": "id"},
		{"path": ["target_bucket"], "target": "aws_s3_bucket.logs", "attribute": "id"},
	],
}

test_unlogged_bucket_fires if {
	rule.deny == {{"msg": "aws_s3_bucket.data does not have access logging enabled", "resource": "aws_s3_bucket.data", "path": ["logging"]}} with input as {"resources": [bucket("data", {})]}
}

test_logged_bucket_and_its_target_pass if {
	count(rule.deny) == 0 with input as {"resources": [bucket("data", {}), bucket("logs", {}), logging]}
}

test_inline_logging_passes if {
	count(rule.deny) == 0 with input as {"resources": [bucket("data", {"logging": [{"target_bucket": "logs"}]})]}
}

test_log_delivery_acl_passes if {
	count(rule.deny) == 0 with input as {"resources": [bucket("logs", {"acl": "log-delivery-write"})]}
}

# A bucket policy granting the S3 logging service makes the bucket a log destination (a Sonar
# sonar-iac case, round 11); another service or a Deny does not.
grant(effect, service) := {
	"address": "aws_s3_bucket_policy.logs", "type": "aws_s3_bucket_policy", "name": "logs",
	"config": {"bucket": {"$unknown": "aws_s3_bucket.logs.id"}, "policy": {"Statement": [{"Effect": effect, "Principal": {"Service": service}, "Action": "s3:PutObject", "Resource": "arn:aws:s3:::logs/*"}]}},
	"references": [{"path": ["bucket"], "target": "aws_s3_bucket.logs", "attribute": "id"}],
}

test_log_delivery_policy_passes if {
	count(rule.deny) == 0 with input as {"resources": [bucket("logs", {}), grant("Allow", ["logging.s3.amazonaws.com"])]}
	count(rule.deny) == 1 with input as {"resources": [bucket("logs", {}), grant("Allow", "not.logging.s3.amazonaws.com")]}
	count(rule.deny) == 1 with input as {"resources": [bucket("logs", {}), grant("Deny", "logging.s3.amazonaws.com")]}
}

# An unknown ACL (a variable without default) may be log-delivery-write (sonar-iac, round 11).
test_unknown_acl_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [bucket("logs", {"acl": {"$unknown": "var.acl"}})]}
	count(rule.deny) == 1 with input as {"resources": [bucket("logs", {"acl": "private"})]}
}

test_cloudtrail_target_passes if {
	trail := {"address": "aws_cloudtrail.t", "type": "aws_cloudtrail", "name": "t", "config": {"s3_bucket_name": {"$unknown": "aws_s3_bucket.trail.id"}}, "references": [{"path": ["s3_bucket_name"], "target": "aws_s3_bucket.trail", "attribute": "id"}]}
	count(rule.deny) == 0 with input as {"resources": [bucket("trail", {}), trail]}
}

test_unknown_logging_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [bucket("data", {"logging": {"$unknown": "var.logging"}})]}
}

test_unresolved_log_target_does_not_fire if {
	opaque := {"address": "aws_s3_bucket_logging.x", "type": "aws_s3_bucket_logging", "name": "x", "config": {"bucket": "other", "target_bucket": {"$unknown": "var.log_bucket"}}, "references": []}
	count(rule.deny) == 0 with input as {"resources": [bucket("data", {}), opaque]}
}

call(name, config) := {"address": sprintf("module.%s", [name]), "source": "terraform-aws-modules/s3-bucket/aws", "config": config}

logs_to(expr) := {"target_bucket": {"$unknown": expr}, "target_prefix": "s3/"}

test_opaque_module_without_logging_fires_on_the_call if {
	rule.deny == {{"msg": "module.data does not have access logging enabled", "resource": "module.data", "path": ["logging"]}} with input as {"resources": [], "modules": [call("data", {"bucket": "corp-data"})]}
	count(rule.deny) == 1 with input as {"resources": [], "modules": [call("data", {"logging": {}})]}
}

test_opaque_module_logging_and_its_target_pass if {
	# module.data logs to module.logs, which is therefore a log bucket.
	count(rule.deny) == 0 with input as {"resources": [], "modules": [call("data", {"logging": logs_to("module.logs.s3_bucket_id")}), call("logs", {})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [call("data", {"logging": {"target_bucket": "corp-logs"}}), call("logs", {"bucket": "corp-logs"})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [call("data", {"logging": {"$unknown": "var.logging"}})]}
}

test_opaque_module_log_buckets_pass if {
	count(rule.deny) == 0 with input as {"resources": [], "modules": [call("logs", {"acl": "log-delivery-write"})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [call("logs", {"attach_lb_log_delivery_policy": true})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [call("logs", {"attach_access_log_delivery_policy": {"$unknown": "var.is_log"}})]}
	count(rule.deny) == 1 with input as {"resources": [], "modules": [call("logs", {"attach_elb_log_delivery_policy": false})]}
}

test_opaque_module_targets_of_other_log_deliveries_pass if {
	# A resource delivers to the call (a reference to its output), or another call names it.
	lb := {"address": "aws_lb.web", "type": "aws_lb", "name": "web", "config": {"access_logs": [{"bucket": {"$unknown": "module.logs.s3_bucket_id"}}]}, "references": [{"path": ["access_logs", 0, "bucket"], "target": "module.logs", "attribute": "s3_bucket_id"}]}
	count(rule.deny) == 0 with input as {"resources": [lb], "modules": [call("logs", {})]}
	vpc := {"address": "module.vpc", "source": "terraform-aws-modules/vpc/aws", "config": {"flow_log_destination_arn": {"$unknown": "module.logs.s3_bucket_arn"}}}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [call("logs", {}), vpc]}
	alb := {"address": "module.alb", "source": "terraform-aws-modules/alb/aws", "config": {"access_logs": {"bucket": {"$unknown": "module.logs.s3_bucket_id"}}}}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [call("logs", {}), alb]}
}

test_resource_bucket_named_by_a_module_call_is_a_log_bucket if {
	count(rule.deny) == 0 with input as {"resources": [bucket("logs", {})], "modules": [call("data", {"logging": logs_to("aws_s3_bucket.logs.id")})]}
}

test_opaque_module_switched_off_or_with_an_unresolved_log_target_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [], "modules": [call("data", {"create_bucket": false})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [call("data", {"logging": logs_to("var.log_bucket")}), call("other", {})]}
	count(rule.deny) == 0 with input as {"resources": [bucket("other", {})], "modules": [call("data", {"logging": logs_to("var.log_bucket")})]}
}

# Calls inside a local module: their texts are relative to that module (held-out aws-ia guardduty,
# whose calls sit in module.standalone_guardduty). The data bucket logs to the log bucket, so
# neither is reported and the replica without logging is; before, the unmatched text counted as
# an unidentifiable target and silenced the rule for the whole unit.
nested(name, config) := object.union(call(name, config), {"address": sprintf("module.app.module.%s[0]", [name])})

test_nested_calls_compare_texts_within_their_module if {
	modules := [nested("data", {"logging": logs_to("module.logs[0].s3_bucket_id")}), nested("logs", {}), nested("replica", {})]
	rule.deny == {{"msg": "module.app.module.replica[0] does not have access logging enabled", "resource": "module.app.module.replica[0]", "path": ["logging"]}} with input as {"resources": [], "modules": modules}
}

# The bucket's name handed to a module Palisade cannot read, which may log it (18F's s3_config
# takes `logging_bucket_id` and adds aws_s3_bucket_logging; held-out s19/h3).
test_bucket_handed_to_opaque_module_passes if {
	call := {"address": "module.cfg", "source": "github.com/18F/identity-terraform//s3_config?ref=cea57df", "config": {"bucket_name_override": {"$unknown": "aws_s3_bucket.data.id"}, "logging_bucket_id": {"$unknown": "local.log_bucket"}}}
	count(rule.deny) == 0 with input as {"resources": [bucket("data", {})], "modules": [call]}
}

# The fix delivers to the log bucket the module's other buckets already log to.
logging_fix := [{
	"op": "add_resource", "type": "aws_s3_bucket_logging", "name": "reports",
	"config": {
		"bucket": {"$expr": "aws_s3_bucket.reports.id"},
		"target_bucket": {"$expr": "aws_s3_bucket.logs.id"},
		"target_prefix": {"$expr": "\"${aws_s3_bucket.reports.id}/\""},
	},
	"derived_from": [{"resource": "aws_s3_bucket_logging.data", "path": ["target_bucket"], "text": "aws_s3_bucket.logs.id"}],
}]

test_fix_logs_to_the_modules_log_bucket if {
	findings := rule.deny with input as {"resources": [bucket("data", {}), bucket("logs", {}), logging, bucket("reports", {})]}
	findings == {{"msg": "aws_s3_bucket.reports does not have access logging enabled", "resource": "aws_s3_bucket.reports", "path": ["logging"], "fix": logging_fix}}
	with_grant := rule.deny with input as {"resources": [bucket("data", {}), bucket("logs", {}), logging, bucket("reports", {}), grant("Allow", "logging.s3.amazonaws.com")]}
	with_grant == findings
}

# A grant narrowed to the buckets logged today (aws:SourceArn) or to a key prefix would refuse the
# new bucket's logs; a pinned old provider has no aws_s3_bucket_logging: the finding stays, no fix.
test_no_fix_when_the_log_bucket_admits_only_named_sources if {
	narrowed := json.patch(grant("Allow", "logging.s3.amazonaws.com"), [{"op": "add", "path": "/config/policy/Statement/0/Condition", "value": {"ArnLike": {"aws:SourceArn": "arn:aws:s3:::data"}}}])
	f1 := rule.deny with input as {"resources": [bucket("data", {}), bucket("logs", {}), logging, bucket("reports", {}), narrowed]}
	f1 == {{"msg": "aws_s3_bucket.reports does not have access logging enabled", "resource": "aws_s3_bucket.reports", "path": ["logging"]}}
	prefixed := json.patch(grant("Allow", "logging.s3.amazonaws.com"), [{"op": "replace", "path": "/config/policy/Statement/0/Resource", "value": "arn:aws:s3:::logs/data/*"}])
	f2 := rule.deny with input as {"resources": [bucket("data", {}), bucket("logs", {}), logging, bucket("reports", {}), prefixed]}
	f2 == f1
	f3 := rule.deny with input as {"resources": [bucket("data", {}), bucket("logs", {}), logging, bucket("reports", {})], "required_providers": {"aws": ["3.50.0"]}}
	f3 == f1
}
