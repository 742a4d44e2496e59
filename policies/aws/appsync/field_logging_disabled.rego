# METADATA
# title: AppSync GraphQL API does not log its resolvers
# description: |
#   A GraphQL API logs to CloudWatch only with a log_config block, and its field-level logs (each
#   resolver's request, response and errors) only with a field_log_level other than NONE. Without
#   them a failing or abused resolver leaves no trace to investigate. AWS Security Hub (AppSync.2)
#   and the AWS Config rule appsync-logging-enabled ask for field-level logging. Opaque
#   terraform-aws-modules/appsync calls are judged by logging_enabled (false unless set) and
#   log_field_log_level.
# related_resources:
#   - ref: https://docs.aws.amazon.com/appsync/latest/devguide/monitoring.html#cwl
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/appsync-controls.html#appsync-2
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/appsync_graphql_api#log_config
# custom:
#   id: PAL-AWS-APPSYNC-001
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_appsync_graphql_api, "module:terraform-aws-modules/appsync/aws"]
#   frameworks: {}
#   references:
#     checkov: [CKV_AWS_193, CKV_AWS_194]
#   cwe: ["CWE-778"]
#   remediation: >-
#     Add log_config { cloudwatch_logs_role_arn = <a role AppSync may assume to write logs>,
#     field_log_level = "ERROR" } (or ALL), or raise an existing field_log_level from NONE.
#   fixable: true
package palisade.aws.appsync.field_logging_disabled

# A missing log_config gets no fix: it needs a role that allows AppSync to write to CloudWatch
# Logs, which is the owner's to create. Where log_config exists the role is there, and the fix
# raises field_log_level from NONE to ERROR, the least verbose level the control accepts (ALL
# also logs every resolver's data, which may be sensitive).

import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

# The Checkov id of each part (docs/rules-authoring.md, "Peer ids per part"): AppSyncLogging reads
# log_config[0].cloudwatch_logs_role_arn (any value), AppSyncFieldLevelLogs log_config[0].field_log_level
# (ALL or ERROR). No logging at all fails both, so both must be named.
logging_peers := {"checkov": ["CKV_AWS_193"]}

field_peers := {"checkov": ["CKV_AWS_194"]}

deny contains result.with_peer_parts(result.fail(r, ["log_config"], msg), [logging_peers, field_peers]) if {
	some r in tf.resources("aws_appsync_graphql_api")
	not unknown.is_unknown(object.get(r.config, "log_config", []))
	count(tf.blocks(r, "log_config")) == 0
	msg := sprintf("%s has no log_config: its requests and resolvers are not logged", [r.address])
}

deny contains result.with_peers(result.fail_fix(r, path, msg, [result.set(path, "ERROR")]), field_peers) if {
	some r in tf.resources("aws_appsync_graphql_api")
	some i, c in tf.blocks(r, "log_config")
	upper(unknown.known_string(object.get(c, "field_log_level", null))) == "NONE"
	path := ["log_config", i, "field_log_level"]
	msg := sprintf("%s does not log its resolvers (field_log_level = \"NONE\")", [r.address])
}

# Opaque terraform-aws-modules/appsync calls: the module writes its log_config block only with
# logging_enabled = true (default false), field_log_level from log_field_log_level. No fix: turning
# logging on needs a role (create_logs_role or log_cloudwatch_logs_role_arn) and a level.
deny contains result.with_peer_parts(result.fail(m, module_path(v), msg), [logging_peers, field_peers]) if {
	some m in modules.opaque_calls("appsync")
	modules.creates(m, ["create_graphql_api"])
	v := object.get(m.config, "logging_enabled", null)
	not_logging(v)
	msg := sprintf("%s creates a GraphQL API without logging (logging_enabled is not true)", [m.address])
}

deny contains result.with_peers(result.fail(m, ["log_field_log_level"], msg), field_peers) if {
	some m in modules.opaque_calls("appsync")
	modules.creates(m, ["create_graphql_api"])
	unknown.is_true(object.get(m.config, "logging_enabled", null))
	upper(unknown.known_string(object.get(m.config, "log_field_log_level", null))) == "NONE"
	msg := sprintf("%s creates a GraphQL API that does not log its resolvers (log_field_log_level = \"NONE\")", [m.address])
}

not_logging(null)

not_logging(v) if unknown.is_false(v)

module_path(null) := []

module_path(v) := ["logging_enabled"] if v != null
