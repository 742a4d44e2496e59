# METADATA
# title: API Gateway execution logging is off
# description: |
#   Execution logs record how API Gateway processed each request: authorizer decisions, throttling,
#   integration errors. With logging_level OFF (the default) failed authorizations and abuse leave
#   no trace in CloudWatch. Applies to REST API method settings and stages (also those a deployment
#   creates through stage_name) and to WebSocket API stages (HTTP APIs have no execution logs).
# related_resources:
#   - ref: https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html
# custom:
#   id: PAL-AWS-APIGATEWAY-009
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_api_gateway_stage, aws_api_gateway_deployment, aws_api_gateway_method_settings, aws_apigatewayv2_stage]
#   references:
#     checkov: CKV2_AWS_4
#     kics: 1b6799eb-4a7a-4b04-9001-8cceb9999326
#   cwe: ["CWE-778"]
#   remediation: Set logging_level = "ERROR" (or "INFO") in the method settings or the stage's default_route_settings.
#   fixable: true
package palisade.aws.apigateway.execution_logging_disabled

import data.palisade.lib.fixes
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

deny contains result.fail_fix(r, ["settings"], msg, [result.add_block([], "settings", {"logging_level": "ERROR"})]) if {
	some r in tf.resources("aws_api_gateway_method_settings")
	tf.missing_attr(r, ["settings"])
	msg := sprintf("%s does not turn on execution logging", [r.address])
}

deny contains result.fail_fix(r, path, msg, [result.set(path, "ERROR")]) if {
	some r in tf.resources("aws_api_gateway_method_settings")
	some i, s in tf.blocks(r, "settings")
	off(object.get(s, "logging_level", null))
	path := ["settings", i, "logging_level"]
	msg := sprintf("%s does not turn on execution logging", [r.address])
}

# A REST API stage that no method settings apply to logs nothing. The fix adds method settings
# (logs and metrics) for every method of the stage, when the stage has a plain address.
deny contains fixes.finding(r, [], msg, method_settings_fix(r)) if {
	not tf.unresolved("aws_api_gateway_method_settings", ["stage_name"], "aws_api_gateway_stage")
	some r in tf.resources("aws_api_gateway_stage")
	count(tf.referencing(r.address, "aws_api_gateway_method_settings", ["stage_name"])) == 0
	not named_by_method_settings(r)
	msg := sprintf("%s has no method settings, so execution logging is off", [r.address])
}

# A deployment with stage_name (provider v3/v4) creates that stage, with no method settings unless
# some name it (by reference or by the literal name); any method settings whose stage cannot be
# told may be its own. The fix adds method settings for every method of the created stage.
deny contains fixes.finding(d, ["stage_name"], msg, method_settings_fix(d)) if {
	not some_method_settings_unknown
	some d in tf.resources("aws_api_gateway_deployment")
	name := d.config.stage_name
	name != ""
	count(tf.referencing(d.address, "aws_api_gateway_method_settings", ["stage_name"])) == 0
	not named_by_method_settings(d)
	msg := sprintf("%s creates the stage %v with no method settings, so execution logging is off", [d.address, name])
}

deny contains result.fail_fix(r, ["default_route_settings"], msg, [result.add_block([], "default_route_settings", {"logging_level": "ERROR"})]) if {
	some r in tf.resources("aws_apigatewayv2_stage")
	not http_api(r)
	tf.missing_attr(r, ["default_route_settings"])
	msg := sprintf("%s does not turn on execution logging", [r.address])
}

deny contains result.fail_fix(r, path, msg, [result.set(path, "ERROR")]) if {
	some r in tf.resources("aws_apigatewayv2_stage")
	not http_api(r)
	some i, s in tf.blocks(r, "default_route_settings")
	off(object.get(s, "logging_level", null))
	path := ["default_route_settings", i, "logging_level"]
	msg := sprintf("%s does not turn on execution logging", [r.address])
}

method_settings_fix(stage) := [result.add_resource("aws_api_gateway_method_settings", stage.name, {
	"rest_api_id": result.expr(sprintf("%s.rest_api_id", [stage.address])),
	"stage_name": result.expr(sprintf("%s.stage_name", [stage.address])),
	"method_path": "*/*",
	"settings": [{"logging_level": "ERROR", "metrics_enabled": true}],
})] if {
	fixes.can_reference(stage)
	not method_settings_named(stage.name)
} else := []

method_settings_named(name) if {
	some s in tf.resources("aws_api_gateway_method_settings")
	s.name == name
}

off(null)

off(level) if upper(unknown.known_string(level)) in {"OFF", ""}

named_by_method_settings(stage) if {
	name := unknown.known_string(stage.config.stage_name)
	some s in tf.resources("aws_api_gateway_method_settings")
	s.config.stage_name == name
}

# HTTP APIs have no execution logs: only access logs apply to their stages.
http_api(stage) if {
	some ref in stage.references
	ref.path == ["api_id"]
	some api in tf.resources("aws_apigatewayv2_api")
	tf.refers_to(ref.target, api.address)
	upper(object.get(api.config, "protocol_type", "")) == "HTTP"
}

some_method_settings_unknown if {
	some s in tf.resources("aws_api_gateway_method_settings")
	unknown.is_unknown(object.get(s.config, "stage_name", null))
}
