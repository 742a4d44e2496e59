package palisade.lib.modules_test

import data.palisade.lib.modules

calls := {"modules": [
	{"address": "module.db", "source": "terraform-aws-modules/rds/aws", "config": {}},
	{"address": "module.git", "source": "git::https://github.com/terraform-aws-modules/terraform-aws-rds.git?ref=v6.0.0", "config": {}},
	{"address": "module.read", "source": "terraform-aws-modules/rds/aws", "dir": ".terraform/modules/read", "config": {}},
	{"address": "module.aurora", "source": "terraform-aws-modules/rds-aurora/aws", "config": {}},
	{"address": "module.local", "source": "./rds", "config": {}},
]}

test_opaque_registry_and_git_calls if {
	[m.address | some m in modules.opaque_calls("rds")] == ["module.db", "module.git"] with input as calls
}

test_other_module_names_do_not_match if {
	[m.address | some m in modules.opaque_calls("rds-aurora")] == ["module.aurora"] with input as calls
}

test_no_modules if {
	modules.opaque_calls("rds") == [] with input as {"resources": []}
}

test_pinned_below_reads_exact_and_pessimistic_constraints if {
	modules.pinned_below({"version": "3.7.0"}, 4)
	modules.pinned_below({"version": "~> 6.0"}, 9)
	modules.pinned_below({"version": "= v2.1.3"}, 3)
}

test_pinned_below_is_not_judged_for_open_or_newer_constraints if {
	not modules.pinned_below({"version": "~> 9.0"}, 9)
	not modules.pinned_below({"version": ">= 3.0"}, 4)
	not modules.pinned_below({"version": "~> 3"}, 4)
	not modules.pinned_below({}, 4)
}

test_submodules_of_another_kind_are_not_calls_of_the_module if {
	subs := {"modules": [
		{"address": "module.bucket", "source": "terraform-aws-modules/s3-bucket/aws", "config": {}},
		{"address": "module.object", "source": "terraform-aws-modules/s3-bucket/aws//modules/object", "config": {}},
		{"address": "module.notify", "source": "git::https://github.com/terraform-aws-modules/terraform-aws-s3-bucket.git//modules/notification?ref=v4.0.0", "config": {}},
		{"address": "module.ssh", "source": "terraform-aws-modules/security-group/aws//modules/ssh", "config": {}},
		{"address": "module.db", "source": "terraform-aws-modules/rds/aws//modules/db_instance", "config": {}},
		{"address": "module.params", "source": "terraform-aws-modules/rds/aws//modules/db_parameter_group", "config": {}},
		{"address": "module.nodes", "source": "terraform-aws-modules/eks/aws//modules/eks-managed-node-group", "config": {}},
	]}
	[m.address | some m in modules.opaque_calls("s3-bucket")] == ["module.bucket"] with input as subs
	[m.address | some m in modules.opaque_calls("security-group")] == ["module.ssh"] with input as subs
	[m.address | some m in modules.opaque_calls("rds")] == ["module.db"] with input as subs
	[m.address | some m in modules.opaque_calls("eks")] == [] with input as subs
	modules.submodule("terraform-aws-modules/s3-bucket/aws//modules/object") == "object"
	modules.submodule("git::https://github.com/terraform-aws-modules/terraform-aws-rds.git?ref=v6.0.0") == ""
}

test_creates_only_when_every_switch_is_absent_or_true if {
	modules.creates({"config": {}}, ["create", "create_function"])
	modules.creates({"config": {"create": true}}, ["create"])
	not modules.creates({"config": {"create": false}}, ["create"])
	not modules.creates({"config": {"create_function": {"$unknown": "var.on"}}}, ["create", "create_function"])
}

test_lambda_functions_skip_layers_and_switched_off_calls if {
	calls := [
		{"address": "module.fn", "source": "terraform-aws-modules/lambda/aws", "config": {}},
		{"address": "module.layer", "source": "terraform-aws-modules/lambda/aws", "config": {"create_layer": true}},
		{"address": "module.off", "source": "terraform-aws-modules/lambda/aws", "config": {"create_function": false}},
		{"address": "module.alias", "source": "terraform-aws-modules/lambda/aws//modules/alias", "config": {}},
	]
	[m.address | some m in modules.lambda_functions] == ["module.fn"] with input as {"modules": calls}
}

test_lambda_triggers_lists_known_entries_of_functions_that_create_permissions if {
	triggers := {"s3": {"service": "s3"}, "later": {"$unknown": "var.t"}}
	calls := [
		{"address": "module.fn", "source": "terraform-aws-modules/lambda/aws", "config": {"allowed_triggers": triggers}},
		{"address": "module.none", "source": "terraform-aws-modules/lambda/aws", "config": {"allowed_triggers": triggers, "create_current_version_allowed_triggers": false, "create_unqualified_alias_allowed_triggers": false}},
		{"address": "module.var", "source": "terraform-aws-modules/lambda/aws", "config": {"allowed_triggers": {"$unknown": "var.t"}}},
	]
	{[t.call.address, t.key] | some t in modules.lambda_triggers} == {["module.fn", "s3"]} with input as {"modules": calls}
}

test_rds_instances_and_aurora_clusters_skip_switched_off_calls if {
	calls := [
		{"address": "module.db", "source": "terraform-aws-modules/rds/aws", "config": {}},
		{"address": "module.off", "source": "terraform-aws-modules/rds/aws", "config": {"create_db_instance": false}},
		{"address": "module.sub", "source": "terraform-aws-modules/rds/aws//modules/db_instance", "config": {"create": false}},
		{"address": "module.aurora", "source": "terraform-aws-modules/rds-aurora/aws", "config": {}},
		{"address": "module.old", "source": "terraform-aws-modules/rds-aurora/aws", "config": {"create_cluster": false}},
	]
	[m.address | some m in modules.rds_instances] == ["module.db"] with input as {"modules": calls}
	[m.address | some m in modules.aurora_clusters] == ["module.aurora"] with input as {"modules": calls}
}

test_s3_buckets_skip_switched_off_calls if {
	calls := [
		{"address": "module.b", "source": "terraform-aws-modules/s3-bucket/aws", "config": {}},
		{"address": "module.off", "source": "terraform-aws-modules/s3-bucket/aws", "config": {"create_bucket": false}},
	]
	[m.address | some m in modules.s3_buckets] == ["module.b"] with input as {"modules": calls}
}

test_single_resource_module_calls_skip_switched_off_and_other_kinds if {
	calls := [
		{"address": "module.q", "source": "terraform-aws-modules/sqs/aws", "config": {"create": false}},
		{"address": "module.t", "source": "terraform-aws-modules/sns/aws", "config": {"create_sns_topic": false}},
		{"address": "module.r", "source": "terraform-aws-modules/ecr/aws", "config": {"repository_type": "public"}},
		{"address": "module.k", "source": "terraform-aws-modules/kms/aws", "config": {"create_replica": true}},
		{"address": "module.key", "source": "terraform-aws-modules/kms/aws", "config": {}},
		{"address": "module.cw", "source": "terraform-aws-modules/cloudwatch/aws", "config": {}},
		{"address": "module.lg", "source": "terraform-aws-modules/cloudwatch/aws//modules/log-group", "config": {}},
	]
	count(modules.sqs_queues) == 0 with input as {"modules": calls}
	count(modules.sns_topics) == 0 with input as {"modules": calls}
	count(modules.ecr_repositories) == 0 with input as {"modules": calls}
	[m.address | some m in modules.kms_keys] == ["module.key"] with input as {"modules": calls}
	[m.address | some m in modules.log_groups] == ["module.lg"] with input as {"modules": calls}
}

test_statement_entries_shape_unconditional_statements_like_a_policy if {
	statements := {
		"public": {"actions": ["sqs:SendMessage"], "principals": [{"type": "*", "identifiers": ["*"]}]},
		"account": {"effect": "Allow", "actions": ["sqs:*"], "principals": [{"type": "AWS", "identifiers": ["arn:aws:iam::111122223333:root"]}]},
		"scoped": {"actions": ["sqs:SendMessage"], "principals": [{"type": "AWS", "identifiers": ["*"]}], "condition": [{"test": "ArnEquals", "variable": "aws:SourceArn", "values": ["arn"]}]},
	}
	entries := modules.statement_entries(statements)
	{[e.path, e.statement.Principal] | some e in entries} == {
		[["public"], "*"],
		[["account"], {"AWS": ["arn:aws:iam::111122223333:root"]}],
	}
	count(modules.statement_entries({"$unknown": "var.s"})) == 0
}

# A list of statements (for_each over a list) is read like a map keyed by index.
test_statement_entries_read_a_list_by_index if {
	statements := [
		{"sid": "open", "actions": ["sns:Publish"], "principals": [{"type": "AWS", "identifiers": ["*"]}]},
		{"actions": ["sns:Publish"], "principals": [{"type": "AWS", "identifiers": ["arn:aws:iam::111122223333:root"]}]},
	]
	{[e.path, e.statement.Principal] | some e in modules.statement_entries(statements)} == {
		[[0], {"AWS": ["*"]}],
		[[1], {"AWS": ["arn:aws:iam::111122223333:root"]}],
	}
}

child_publisher := {"address": "module.n.aws_cloudwatch_event_target.t[0]", "module": "module.n", "type": "aws_cloudwatch_event_target", "config": {"arn": {"$unknown": "var.topic_arn"}}}

test_caller_values_follow_a_variable_to_the_call if {
	vals := modules.caller_values(child_publisher, child_publisher.config.arn) with input as {"modules": [{"address": "module.n", "config": {"topic_arn": {"$unknown": "aws_sns_topic.slack.arn"}}}]}
	vals == {{"value": {"$unknown": "aws_sns_topic.slack.arn"}, "caller": ""}}
	modules.names_in_caller("aws_sns_topic.slack.arn", "", "aws_sns_topic.slack")
	not modules.names_in_caller("aws_sns_topic.slack_two.arn", "", "aws_sns_topic.slack")
}

test_caller_values_in_nested_modules_and_lists if {
	r := {"address": "module.a.module.b.aws_x.y", "module": "module.a.module.b", "config": {"actions": [{"$unknown": "var.topics"}]}}
	vals := modules.caller_values(r, r.config.actions) with input as {"modules": [{"address": "module.a.module.b", "config": {"topics": [{"$unknown": "aws_sns_topic.t.arn"}]}}]}
	vals == {{"value": [{"$unknown": "aws_sns_topic.t.arn"}], "caller": "module.a"}}
	modules.names_in_caller("aws_sns_topic.t.arn", "module.a", "module.a.aws_sns_topic.t")
	not modules.names_in_caller("aws_sns_topic.t.arn", "module.a", "aws_sns_topic.t")
}

test_caller_values_none_at_the_root_or_for_other_values if {
	count(modules.caller_values({"address": "aws_x.y", "config": {}}, {"$unknown": "var.a"})) == 0 with input as {"modules": []}
	count(modules.caller_values(child_publisher, {"$unknown": "local.a"})) == 0 with input as {"modules": [{"address": "module.n", "config": {"a": 1}}]}
	count(modules.caller_values(child_publisher, "arn:aws:sns:x")) == 0 with input as {"modules": []}
}
