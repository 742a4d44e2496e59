# METADATA
# title: API Gateway logs full request and response bodies (data tracing)
# description: |
#   data_trace_enabled = true makes API Gateway write each request's and response's headers and
#   body to the execution log in CloudWatch Logs. Whatever clients send or receive (passwords, bearer
#   tokens, personal data) then sits in a log group readable by anyone with logs:GetLogEvents on it,
#   for as long as the group keeps its events. AWS documents it as a troubleshooting aid and
#   recommends against it for production APIs; execution logging at INFO or ERROR (and access
#   logging) records the request without its payload. Applies to REST API method settings and to
#   WebSocket API stage route settings.
# related_resources:
#   - ref: https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html
#   - ref: https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-api-logging.html
# custom:
#   id: PAL-AWS-APIGATEWAY-012
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_api_gateway_method_settings, aws_apigatewayv2_stage]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_276
#   cwe: ["CWE-532"]
#   remediation: Set data_trace_enabled = false (keep logging_level = "INFO" or "ERROR" for execution logs).
#   fixable: true
package palisade.aws.apigateway.data_trace_enabled

# The fix turns data tracing off and leaves logging_level alone, so execution logging goes on.

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

deny contains result.fail_fix(r, path, msg(r), [result.set(path, false)]) if {
	some r in tf.resources("aws_api_gateway_method_settings")
	some i, s in tf.blocks(r, "settings")
	unknown.is_true(object.get(s, "data_trace_enabled", null))
	path := ["settings", i, "data_trace_enabled"]
}

deny contains result.fail_fix(r, path, msg(r), [result.set(path, false)]) if {
	some r in tf.resources("aws_apigatewayv2_stage")
	some block in ["default_route_settings", "route_settings"]
	some i, s in tf.blocks(r, block)
	unknown.is_true(object.get(s, "data_trace_enabled", null))
	path := [block, i, "data_trace_enabled"]
}

msg(r) := sprintf("%s logs full request and response bodies (data_trace_enabled = true)", [r.address])
