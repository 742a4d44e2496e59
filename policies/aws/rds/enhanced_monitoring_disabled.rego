# METADATA
# title: RDS instance does not have Enhanced Monitoring
# description: |
#   monitoring_interval is 0 unless set, so RDS collects only the hypervisor's CloudWatch metrics
#   for the instance: no operating system metrics (per-process CPU and memory, swap, file system
#   and disk I/O) at a finer grain than a minute. Those are what tell a runaway process, memory
#   pressure or an exhausted file system apart during an incident. AWS Security Hub (RDS.6) asks
#   for Enhanced Monitoring on every DB instance. It is advisory (warn): the metrics go to
#   CloudWatch Logs, which is billed, and the interval is a cost choice.
#   Opaque terraform-aws-modules/rds and rds-aurora calls are judged by their monitoring_interval
#   input (0 unless set, in every major).
#   The fix sets a 60-second interval and, when the instance names no monitoring role, adds one
#   that only RDS of this account may assume, with the AWS managed policy
#   AmazonRDSEnhancedMonitoringRole; an rds-aurora call gets the interval only (the module creates
#   the role unless told not to).
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_Monitoring.OS.html
#   - ref: https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_Monitoring.OS.Enabling.html
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-6
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/db_instance#monitoring_interval
# custom:
#   id: PAL-AWS-RDS-016
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_db_instance, aws_rds_cluster_instance, "module:terraform-aws-modules/rds/aws", "module:terraform-aws-modules/rds-aurora/aws"]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_118
#   remediation: >-
#     Set monitoring_interval (1, 5, 10, 15, 30 or 60 seconds) and monitoring_role_arn to a role
#     trusted by monitoring.rds.amazonaws.com with the AmazonRDSEnhancedMonitoringRole policy.
#   fixable: true
package palisade.aws.rds.enhanced_monitoring_disabled

# The role is the one the RDS guide describes (trusted by monitoring.rds.amazonaws.com, with
# aws:SourceAccount against the confused deputy, and the AWS managed policy
# service-role/AmazonRDSEnhancedMonitoringRole). The API refuses a non-zero interval without a
# role, so the fix adds one per instance that names none. An instance that is one of several
# (count/for_each) or lives in a child module gets no role (fixes.can_add_resource); a
# terraform-aws-modules/rds call gets none either: its own role has a fixed default name
# ("rds-monitoring-role") that a second call in the account would collide with.

import data.palisade.lib.fixes
import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

interval := ["monitoring_interval"]

warn contains fixes.finding(r, interval, msg(r), resource_ops(r)) if {
	some r in array.concat(tf.resources("aws_db_instance"), tf.resources("aws_rds_cluster_instance"))
	off(object.get(r.config, interval, null))
}

warn contains fixes.finding(m, interval, msg(m), module_ops(m)) if {
	some m in modules.rds_instances
	off(object.get(m.config, interval, null))
}

warn contains fixes.finding(m, interval, msg(m), module_ops(m)) if {
	some m in modules.aurora_clusters
	off(object.get(m.config, interval, null))
}

off(null)

off(v) if unknown.known_number(v) == 0

msg(r) := sprintf("%s does not collect Enhanced Monitoring metrics (monitoring_interval is 0)", [r.address])

# An instance that names a role already only needs the interval.
resource_ops(r) := [result.set(interval, 60)] if {
	tf.has_attr(r, ["monitoring_role_arn"])
} else := array.concat(fixes.missing_data(r, "aws_caller_identity"), [
	trust_document(r, base),
	result.add_resource("aws_iam_role", base, {
		"name_prefix": sprintf("%s-rds-monitoring-", [substring(r.name, 0, 20)]),
		"assume_role_policy": result.expr(sprintf("data.aws_iam_policy_document.%s_trust.json", [base])),
	}),
	result.add_resource("aws_iam_role_policy_attachment", base, {
		"role": result.expr(sprintf("aws_iam_role.%s.name", [base])),
		"policy_arn": "arn:aws:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole",
	}),
	result.set(interval, 60),
	result.set(["monitoring_role_arn"], result.expr(sprintf("aws_iam_role.%s.arn", [base]))),
]) if {
	fixes.can_add_resource(r)
	base := sprintf("%s_monitoring", [r.name])
	not fixes.resource_named("aws_iam_role", base)
	not fixes.resource_named("aws_iam_role_policy_attachment", base)
	not fixes.data_named("aws_iam_policy_document", sprintf("%s_trust", [base]))
} else := []

trust_document(r, base) := {"op": "add_data", "type": "aws_iam_policy_document", "name": sprintf("%s_trust", [base]), "config": {"statement": [{
	"actions": ["sts:AssumeRole"],
	"principals": [{"type": "Service", "identifiers": ["monitoring.rds.amazonaws.com"]}],
	"condition": [{"test": "StringEquals", "variable": "aws:SourceAccount", "values": [result.expr(account)]}],
}]}} if {
	account := fixes.account_expr(r)
}

# rds-aurora creates its monitoring role (create_monitoring_role, default true) when the interval
# is above 0; a call that turned that off and names no role gets no fix.
module_ops(m) := [result.set(interval, 60)] if {
	modules.is_module(m.source, "rds-aurora")
	object.get(m.config, "create_monitoring_role", true) == true
} else := [result.set(interval, 60)] if {
	not object.get(m.config, "monitoring_role_arn", "") in {"", null}
} else := []
