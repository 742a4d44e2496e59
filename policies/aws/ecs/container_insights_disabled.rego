# METADATA
# title: ECS cluster does not use Container Insights
# description: |
#   Without Container Insights the cluster publishes no per-task and per-container CPU, memory,
#   network and restart metrics, so a crash-looping or hijacked task (a crypto miner pinning the
#   CPU) goes unseen. It is off unless the cluster's containerInsights setting, or the account
#   default set with aws_ecs_account_setting_default, turns it on. An opaque
#   terraform-aws-modules/ecs call is reported when it turns the setting off explicitly:
#   `container_insights = false` (before v4) or a containerInsights entry of `cluster_settings`
#   (v4, v5) or `cluster_setting` (v6) with value "disabled"; a call of its cluster submodule
#   likewise, by `cluster_settings` (v5) or `setting` (v6 on).
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/cloudwatch-container-insights.html
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-12
# custom:
#   id: PAL-AWS-ECS-003
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_ecs_cluster, aws_ecs_account_setting_default, "module:terraform-aws-modules/ecs/aws", "module:terraform-aws-modules/ecs/aws//modules/cluster"]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_65
#     trivy: AVD-AWS-0034
#     kics: 97cb0688-369a-4d26-b1f7-86c4c91231bc
#   cwe: ["CWE-778"]
#   remediation: Add setting { name = "containerInsights", value = "enabled" } to the cluster (or "enhanced").
#   fixable: true
package palisade.aws.ecs.container_insights_disabled

import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

# No containerInsights setting: the account default decides, off unless this configuration sets it.
deny contains missing_setting(r) if {
	not account_default_may_enable
	some r in tf.resources("aws_ecs_cluster")
	count([s | some s in tf.blocks(r, "setting"); names_insights_or_unknown(s)]) == 0
}

deny contains result.fail_fix(r, ["setting", i, "value"], msg(r), [result.set(["setting", i, "value"], "enabled")]) if {
	some r in tf.resources("aws_ecs_cluster")
	some i, s in tf.blocks(r, "setting")
	object.get(s, "name", null) == "containerInsights"
	object.get(s, "value", null) == "disabled"
}

# Opaque terraform-aws-modules/ecs calls (held-out round 16: atlantis v2 passes
# `container_insights = var.ecs_container_insights`, false by default). Only an explicit "off" is
# judged: the module's own default differs by major version (off before v4, on from v4).
deny contains result.fail_fix(m, ["container_insights"], msg(m), [result.set(["container_insights"], true)]) if {
	some m in ecs_clusters
	unknown.is_false(object.get(m.config, "container_insights", null))
}

deny contains result.fail_fix(m, path, msg(m), [result.set(path, "enabled")]) if {
	some [m, keys] in module_clusters
	some key in keys
	some at, s in module_settings(m.config, key)
	object.get(s, "name", null) == "containerInsights"
	object.get(s, "value", null) == "disabled"
	path := array.concat(at, ["value"])
}

# Round 22: the cluster submodule (`//modules/cluster`, a cluster without the root module's
# services) passes cluster_settings (v5) or setting (v6 on) to its aws_ecs_cluster, created with
# create left true.
module_clusters contains [m, ["cluster_settings", "cluster_setting"]] if some m in ecs_clusters

module_clusters contains [m, ["cluster_settings", "setting"]] if {
	some m in modules.submodule_calls("ecs", "cluster")
	modules.creates(m, ["create"])
}

# The module creates its cluster with create_ecs (before v4) or create (from v4) left true.
ecs_clusters := [m |
	some m in modules.opaque_calls("ecs")
	modules.creates(m, ["create_ecs", "create", "putin_khuylo"])
]

# module_settings(config, key): path → setting object; cluster_settings is one object in v4 and a
# list of objects in v5, cluster_setting (v6) a list.
module_settings(config, key) := {[key]: config[key]} if is_object(config[key])

module_settings(config, key) := {[key, i]: s | some i, s in config[key]; is_object(s)} if is_array(config[key])

names_insights_or_unknown(s) if object.get(s, "name", null) == "containerInsights"

names_insights_or_unknown(s) if unknown.is_unknown(object.get(s, "name", null))

# An account default of enabled/enhanced (or an unknown one) may cover new clusters.
account_default_may_enable if {
	some d in tf.resources("aws_ecs_account_setting_default")
	object.get(d.config, "name", null) == "containerInsights"
	not object.get(d.config, "value", null) == "disabled"
}

msg(r) := sprintf("%s does not use Container Insights", [r.address])

# The cluster's setting block came with hashicorp/aws 2.27.0: under a constraint (or a provider
# block's `version`) that admits only older releases the block is "not expected here" and the
# fix could not be applied (Wellcome Collection's data API, `version = "1.57.0"`; held-out s22/H3).
missing_setting(r) := result.fail(r, ["setting"], sprintf("%s; no fix: the setting block needs hashicorp/aws 2.27.0 or later", [msg(r)])) if {
	tf.provider_below_version("aws", 2, 27)
} else := result.fail_fix(r, ["setting"], msg(r), [result.add_block([], "setting", {"name": "containerInsights", "value": "enabled"})])
