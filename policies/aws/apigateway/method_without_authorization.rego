# METADATA
# title: API Gateway method has no authorization
# description: |
#   A REST API method with authorization = "NONE" and no API key requirement can be called by
#   anyone who knows the URL. Unless the endpoint is deliberately public, use IAM, a Cognito
#   user pool or a Lambda authorizer. CORS preflight (OPTIONS) methods are not reported. The
#   same holds for an HTTP API route ("POST /orders", and the $default route of an HTTP API this
#   module declares, which answers every unmatched request) and a WebSocket API's $connect route
#   (aws_apigatewayv2_route), whose authorization_type defaults to NONE.
# related_resources:
#   - ref: https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-control-access-to-api.html
# custom:
#   id: PAL-AWS-APIGATEWAY-002
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_api_gateway_method, aws_apigatewayv2_route]
#   frameworks: {}
#   references:
#     checkov: [CKV_AWS_59, CKV_AWS_309]
#     trivy: AVD-AWS-0004
#     kics: 15ccec05-5476-4890-ad19-53991eba1db8
#   cwe: ["CWE-306"]
#   remediation: Set authorization to AWS_IAM, COGNITO_USER_POOLS or CUSTOM (with an authorizer), or require an API key.
#   fixable: true
package palisade.aws.apigateway.method_without_authorization

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

# The fix requires IAM-signed (SigV4) requests: no authorizer or user pool to name.
deny contains result.fail_fix(r, ["authorization"], msg, [result.set(["authorization"], "AWS_IAM")]) if {
	some r in tf.resources("aws_api_gateway_method")
	r.config.authorization == "NONE"
	r.config.http_method != "OPTIONS"
	unknown.known(r.config.http_method)
	unknown.is_false(object.get(r.config, "api_key_required", false))
	msg := sprintf("%s (%s) can be called without authorization", [r.address, r.config.http_method])
}

# API Gateway v2 routes. Only an HTTP API route ("<METHOD> <path>") and a WebSocket $connect route
# take an authorizer (AWS rejects one on other WebSocket routes); "$default" belongs to either kind
# of API, so it is judged only when its api_id names an API of this module declared with
# protocol_type = "HTTP" (there it is the catch-all for every unmatched request, and takes an
# authorizer like any route). authorization_type defaults to NONE: on the header when it is unset.
deny contains result.fail_fix(r, ["authorization_type"], msg, [result.set(["authorization_type"], "AWS_IAM")]) if {
	some r in tf.resources("aws_apigatewayv2_route")
	route := unknown.known_string(r.config.route_key)
	authorizable(r, route)
	object.get(r.config, "authorization_type", "NONE") == "NONE"
	unknown.is_false(object.get(r.config, "api_key_required", false))
	msg := sprintf("%s (%s) can be called without authorization", [r.address, route])
}

authorizable(_, "$connect")

authorizable(_, route) if {
	method := upper(split(route, " ")[0])
	method in {"ANY", "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"}
	startswith(substring(route, count(method), -1), " /")
}

authorizable(r, "$default") if {
	some ref in r.references
	ref.path == ["api_id"]
	some api in http_apis
	tf.refers_to(ref.target, api)
}

# The HTTP APIs of the module, by address, computed once (not per route).
http_apis contains api.address if {
	some api in tf.resources("aws_apigatewayv2_api")
	upper(unknown.known_string(api.config.protocol_type)) == "HTTP"
}
