# METADATA
# title: VPC flow logs are not enabled
# description: |
#   Flow logs record the IP traffic going in and out of the VPC's network interfaces. Without
#   them there is no record of which hosts talked to what, which is needed to detect and
#   investigate scanning, lateral movement and exfiltration. The default VPC, when managed as
#   aws_default_vpc, needs one as much as any other. Flow logs of accepted traffic only leave out
#   the rejected connections that scans and blocked attempts show up as (Security Hub EC2.6 and
#   CIS ask for REJECT or ALL).
# related_resources:
#   - ref: https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs.html
# custom:
#   id: PAL-AWS-VPC-009
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_vpc, aws_default_vpc, aws_flow_log, "module:terraform-aws-modules/vpc/aws"]
#   frameworks:
#     cis-aws-2.0: ["3.9"]
#   references:
#     checkov: CKV2_AWS_11
#     trivy: AVD-AWS-0178
#     kics: f83121ea-03da-434f-9277-9cd247ab3047
#   cwe: ["CWE-778"]
#   remediation: >-
#     Add an aws_flow_log with vpc_id pointing at the VPC (traffic_type ALL or REJECT). The fix adds
#     one of ALL traffic to a new CloudWatch log group (kept one year, encrypted with a key of its
#     own) with the IAM role flow logs deliver through; a flow log of accepted traffic only is set
#     to ALL; a terraform-aws-modules/vpc call (v3 on) that leaves the destination to the module gets
#     enable_flow_log with the module's own log group (kept one year) and role.
#   fixable: true
package palisade.aws.vpc.vpc_flow_logs_disabled

import data.palisade.lib.fixes
import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

vpc_types := ["aws_vpc", "aws_default_vpc"]

deny contains fixes.finding(vpc, [], msg, flow_log_ops(vpc)) if {
	not unresolved_flow_log
	some vpc_type in vpc_types
	some vpc in tf.resources(vpc_type)
	count(tf.referencing(vpc.address, "aws_flow_log", ["vpc_id"])) == 0
	msg := sprintf("%s has no flow log", [vpc.address])
}

# Every flow log of the VPC records accepted traffic only (HashiCorp's FSBP EC2.6 tests fail
# this): placed on each one's traffic_type, which is what to change.
# The fix records ALL traffic (a flow log's traffic_type cannot change in place: the provider
# replaces it, losing no delivered record).
deny contains result.fail_fix(log, ["traffic_type"], msg, [result.set(["traffic_type"], "ALL")]) if {
	some vpc_type in vpc_types
	some vpc in tf.resources(vpc_type)
	logs := tf.referencing(vpc.address, "aws_flow_log", ["vpc_id"])
	count(logs) > 0
	every other in logs {
		accept_only(other)
	}
	some log in logs
	msg := sprintf("%s logs only accepted traffic of %s, not the rejected connections scans show up as (use REJECT or ALL)", [log.address, vpc.address])
}

# Opaque terraform-aws-modules/vpc calls create a flow log only with enable_flow_log = true (default
# false in every major). A flow log of this unit may name the call's VPC instead: an aws_flow_log
# (references) or a call of the module's flow-log submodule (its vpc_id's expression text); a
# submodule call whose VPC cannot be told silences the rule, as an unresolved aws_flow_log does.
deny contains fixes.finding(m, ["enable_flow_log"], msg, module_flow_log_ops(m)) if {
	not unresolved_flow_log
	not flow_log_call_unresolved
	some m in modules.vpcs
	unknown.not_true(object.get(m.config, "enable_flow_log", null))
	count(tf.referencing(m.address, "aws_flow_log", ["vpc_id"])) == 0
	not logged_by_call(m)
	msg := sprintf("%s has no flow log", [m.address])
}

accept_only(log) if upper(unknown.known_string(log.config.traffic_type)) == "ACCEPT"

# A flow log whose vpc_id Palisade cannot tie to a VPC of the module (an unset variable, a
# module output) may be any VPC's: no VPC is reported as missing one then.
unresolved_flow_log if {
	some r in tf.resources("aws_flow_log")
	unknown.is_unknown(tf.attr(r, ["vpc_id"]))
	count({ref |
		some vpc_type in vpc_types
		some ref in tf.references_to(r, ["vpc_id"], vpc_type)
	}) == 0
}

flow_log_calls := [c |
	some c in object.get(input, "modules", [])
	is_string(c.source)
	contains(c.source, "vpc")
	modules.submodule(c.source) == "flow-log"
]

logged_by_call(m) if {
	some c in flow_log_calls
	tf.names(c.address, c.config.vpc_id["$unknown"], m.address)
}

flow_log_call_unresolved if {
	some c in flow_log_calls
	not startswith(object.get(c.config.vpc_id, "$unknown", ""), "module.")
}

# The fix for a VPC with no flow log: an aws_flow_log of ALL traffic named after the VPC, to a
# new log group (fixes.new_log_group), delivered through a new role that only the flow logs
# service of this account may assume (aws:SourceAccount and aws:SourceArn, as the VPC guide's
# trust policy has them, against the confused deputy) and that may write to that log group only
# (DescribeLogGroups, which lists, takes "*"). The log group exists, so logs:CreateLogGroup is
# not granted. No fix for a VPC that is one instance of several or inside a module, or when a
# name is taken.
flow_log_ops(vpc) := array.concat(group, delivery_ops(vpc, base)) if {
	# The flow log names the VPC by its plain address (aws_vpc.main.id): not an unexpanded one.
	fixes.can_reference(vpc)
	not fixes.resource_named("aws_flow_log", vpc.name)
	base := sprintf("%s_flow_logs", [vpc.name])
	names_free(base)
	group := fixes.new_log_group(vpc, base, {"name_prefix": sprintf("vpc-flow-logs/%s-", [vpc.name])})
} else := []

names_free(base) if {
	not fixes.resource_named("aws_iam_role", base)
	not fixes.resource_named("aws_iam_role_policy", base)
	not fixes.data_named("aws_iam_policy_document", base)
	not fixes.data_named("aws_iam_policy_document", sprintf("%s_trust", [base]))
}

# delivery_ops(vpc, base): the role (its trust and write documents) and the flow log. The account
# and region data sources are the ones new_log_group's key policy reads (added there when missing).
delivery_ops(vpc, base) := [
	trust_document(vpc, base),
	result.add_resource("aws_iam_role", base, {"assume_role_policy": result.expr(sprintf("data.aws_iam_policy_document.%s_trust.json", [base]))}),
	write_document(base),
	result.add_resource("aws_iam_role_policy", base, {
		"role": result.expr(sprintf("aws_iam_role.%s.id", [base])),
		"policy": result.expr(sprintf("data.aws_iam_policy_document.%s.json", [base])),
	}),
	result.add_resource("aws_flow_log", vpc.name, {
		"vpc_id": result.expr(sprintf("%s.id", [vpc.address])),
		"traffic_type": "ALL",
		"log_destination_type": "cloud-watch-logs",
		"log_destination": result.expr(sprintf("aws_cloudwatch_log_group.%s.arn", [base])),
		"iam_role_arn": result.expr(sprintf("aws_iam_role.%s.arn", [base])),
	}),
]

trust_document(vpc, base) := {"op": "add_data", "type": "aws_iam_policy_document", "name": sprintf("%s_trust", [base]), "config": {"statement": [{
	"actions": ["sts:AssumeRole"],
	"principals": [{"type": "Service", "identifiers": ["vpc-flow-logs.amazonaws.com"]}],
	"condition": [
		{"test": "StringEquals", "variable": "aws:SourceAccount", "values": [result.expr(account)]},
		{"test": "ArnLike", "variable": "aws:SourceArn", "values": [result.expr(sprintf(`"arn:aws:ec2:${%s}:${%s}:vpc-flow-log/*"`, [region, account]))]},
	],
}]}} if {
	account := fixes.account_expr(vpc)
	region := fixes.region_expr(vpc)
}

write_document(base) := {"op": "add_data", "type": "aws_iam_policy_document", "name": base, "config": {"statement": [
	{
		"actions": ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
		"resources": [result.expr(sprintf(`"${aws_cloudwatch_log_group.%s.arn}:*"`, [base]))],
	},
	{
		"actions": ["logs:DescribeLogGroups"],
		"resources": ["*"],
	},
]}}

# The fix for an opaque terraform-aws-modules/vpc call (v3 to v6, whose flow log inputs below were
# checked to be the same; a call held to an older major gets none): enable_flow_log with the log group and role the module creates for it, the
# group kept one year (the module's default keeps it forever). Only for a call that leaves the
# destination to the module (no destination type, ARN, role ARN, or create_* switch of its own):
# a call that chose S3 or its own log group has a design the fix cannot complete.
module_flow_log_ops(m) := array.concat(
	[
		result.set(["enable_flow_log"], true),
		result.set(["create_flow_log_cloudwatch_log_group"], true),
		result.set(["create_flow_log_cloudwatch_iam_role"], true),
	],
	retention,
) if {
	not modules.pinned_below(m, 3)
	every input_name in module_destination_inputs {
		object.get(m.config, input_name, null) == null
	}
	retention := module_retention(object.get(m.config, "flow_log_cloudwatch_log_group_retention_in_days", null))
} else := []

module_destination_inputs := [
	"flow_log_destination_type", "flow_log_destination_arn", "flow_log_cloudwatch_iam_role_arn",
	"create_flow_log_cloudwatch_log_group", "create_flow_log_cloudwatch_iam_role",
]

module_retention(null) := [result.set(["flow_log_cloudwatch_log_group_retention_in_days"], 365)]

module_retention(days) := [] if days != null
