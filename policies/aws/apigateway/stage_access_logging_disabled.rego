# METADATA
# title: API Gateway stage has no access logging
# description: |
#   Without access_log_settings the stage keeps no record of who called which route, from where
#   and with what result, so abuse, credential stuffing and data scraping through the API cannot
#   be detected or investigated.
# related_resources:
#   - ref: https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html
# custom:
#   id: PAL-AWS-APIGATEWAY-001
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_api_gateway_stage, aws_apigatewayv2_stage, aws_api_gateway_deployment]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_76
#     trivy: AVD-AWS-0001
#     kics:
#       - 1b6799eb-4a7a-4b04-9001-8cceb9999326
#       - 9111f9a5-6b80-40f9-bc82-c05f970779c3
#   cwe: ["CWE-778"]
#   remediation: >-
#     Add access_log_settings with a CloudWatch Logs or Firehose destination. The fix adds a log group
#     (kept one year, encrypted with a key of its own) and a JSON access log format, for an HTTP API
#     stage, or a REST or WebSocket stage whose account settings (aws_api_gateway_account) name the
#     CloudWatch role in this configuration.
#   fixable: true
package palisade.aws.apigateway.stage_access_logging_disabled

import data.palisade.lib.fixes
import data.palisade.lib.result
import data.palisade.lib.tf

types := {"aws_api_gateway_stage", "aws_apigatewayv2_stage"}

deny contains fixes.finding(r, ["access_log_settings"], msg, access_log_ops(r)) if {
	some r in input.resources
	r.type in types
	tf.missing_attr(r, ["access_log_settings"])
	msg := sprintf("%s has no access logging", [r.address])
}

# A deployment with stage_name (provider v3/v4; deprecated in v5) creates that stage itself, and a
# stage created that way has no access logging: CreateDeployment cannot set it, and the stage is
# not an aws_api_gateway_stage this configuration could give one to.
deny contains result.fail(r, ["stage_name"], msg) if {
	some r in tf.resources("aws_api_gateway_deployment")
	tf.has_attr(r, ["stage_name"])
	msg := sprintf("%s creates the stage %v, which has no access logging", [r.address, r.config.stage_name])
}

# The fix: access logs to a new log group named after the stage (fixes.new_log_group), in a JSON
# format of the request's id, source, time, method, route or resource, status, protocol and size.
# REST and WebSocket APIs write to CloudWatch Logs through the role the region's API Gateway
# account settings name (UpdateStage fails while none is set), so the fix is offered for them
# only when this configuration sets it (aws_api_gateway_account with cloudwatch_role_arn), and the
# new log group depends on that setting so the stage is updated after it. HTTP APIs need no such
# role. A stage whose API is not in the configuration gets no fix (its protocol is unknown), nor
# does a WebSocket stage (its requests have no method or status to log in this format).
access_log_ops(r) := array.concat(group, [result.add_block([], "access_log_settings", {
	"destination_arn": result.expr(sprintf("aws_cloudwatch_log_group.%s.arn", [name])),
	"format": result.expr(log_format(r.type)),
})]) if {
	# Before provider v4 a log group's arn ended in ":*", which API Gateway does not take.
	not tf.provider_below("aws", 4)
	needs := account_role_needed(r)
	name := sprintf("%s_access_logs", [r.name])
	config := object.union({"name_prefix": sprintf("api-gateway/%s-", [r.name])}, account_dependency(needs))
	group := fixes.new_log_group(r, name, config)
} else := []

account_role_needed(r) := false if {
	r.type == "aws_apigatewayv2_stage"
	upper(api(r).config.protocol_type) == "HTTP"
} else if {
	r.type == "aws_api_gateway_stage"
	api(r)
	count(account_settings) == 1
}

api(r) := a if {
	r.type == "aws_apigatewayv2_stage"
	apis := {a | some ref in r.references; ref.path == ["api_id"]; some a in tf.resources("aws_apigatewayv2_api"); tf.refers_to(ref.target, a.address)}
	count(apis) == 1
	some a in apis
}

api(r) := a if {
	r.type == "aws_api_gateway_stage"
	apis := {a | some ref in r.references; ref.path == ["rest_api_id"]; some a in tf.resources("aws_api_gateway_rest_api"); tf.refers_to(ref.target, a.address)}
	count(apis) == 1
	some a in apis
}

account_settings := [a |
	some a in tf.resources("aws_api_gateway_account")
	not a.module
	not a.index
	tf.has_attr(a, ["cloudwatch_role_arn"])
]

account_dependency(false) := {}

account_dependency(true) := {"depends_on": [result.expr(account_settings[0].address)]}

# One key a line, `=` aligned as terraform fmt aligns them, indented for the block the fix adds
# to a stage at the top level of its file (the only place a fix adds one: fixes.can_add_resource).
log_format(stage_type) := sprintf("jsonencode({\n%s\n    })", [concat("\n", [line |
	some [k, v] in format_fields[stage_type]
	line := sprintf(`      %s = "$context.%s"`, [pad(k), v])
])])

pad(k) := concat("", [k, substring("              ", 0, 14 - count(k))])

format_fields := {
	"aws_apigatewayv2_stage": [
		["requestId", "requestId"], ["sourceIp", "identity.sourceIp"], ["requestTime", "requestTime"],
		["httpMethod", "httpMethod"], ["routeKey", "routeKey"], ["status", "status"],
		["protocol", "protocol"], ["responseLength", "responseLength"],
	],
	"aws_api_gateway_stage": [
		["requestId", "requestId"], ["sourceIp", "identity.sourceIp"], ["requestTime", "requestTime"],
		["httpMethod", "httpMethod"], ["resourcePath", "resourcePath"], ["status", "status"],
		["protocol", "protocol"], ["responseLength", "responseLength"],
	],
}
