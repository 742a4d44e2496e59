# METADATA
# title: API Gateway method has no authorization
# description: |
#   A REST API method with authorization = "NONE" and no API key requirement can be called by
#   anyone who knows the URL. Unless the endpoint is deliberately public, use IAM, a Cognito
#   user pool or a Lambda authorizer. CORS preflight (OPTIONS) methods are not reported. The
#   same holds for an HTTP API route ("POST /orders", and the $default route of an HTTP API this
#   module declares, which answers every unmatched request) and a WebSocket API's $connect route
#   (aws_apigatewayv2_route), whose authorization_type defaults to NONE, and for the routes an
#   opaque terraform-aws-modules/apigateway-v2 call declares in its `routes` (v5 on) or
#   `integrations` (v2 to v4) map. A POST route whose path names a webhook (POST /webhook) is
#   reported without a fix: its sender (GitHub, Stripe) cannot sign requests for IAM authorization.
# related_resources:
#   - ref: https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-control-access-to-api.html
# custom:
#   id: PAL-AWS-APIGATEWAY-002
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_api_gateway_method, aws_apigatewayv2_route, "module:terraform-aws-modules/apigateway-v2/aws"]
#   frameworks: {}
#   references:
#     checkov: [CKV_AWS_59, CKV_AWS_309]
#     trivy: AVD-AWS-0004
#     kics: 15ccec05-5476-4890-ad19-53991eba1db8
#   cwe: ["CWE-306"]
#   remediation: Set authorization to AWS_IAM, COGNITO_USER_POOLS or CUSTOM (with an authorizer), or require an API key.
#   fixable: true
package palisade.aws.apigateway.method_without_authorization

import data.palisade.lib.fixes
import data.palisade.lib.modules
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
# A webhook route keeps the finding without a fix (see webhook_route).
deny contains fixes.finding(r, ["authorization_type"], msg, ops) if {
	some r in tf.resources("aws_apigatewayv2_route")
	route := unknown.known_string(r.config.route_key)
	authorizable(r, route)
	object.get(r.config, "authorization_type", "NONE") == "NONE"
	unknown.is_false(object.get(r.config, "api_key_required", false))
	msg := sprintf("%s (%s) can be called without authorization", [r.address, route])
	ops := [op | not webhook_route(route); op := result.set(["authorization_type"], "AWS_IAM")]
}

# Opaque terraform-aws-modules/apigateway-v2 calls: each entry of `routes` (v5 on) or `integrations`
# (v2 to v4) is a route keyed by its route_key. Its authorization_type is NONE unless the entry sets
# one: v2 to v4 default it to "NONE" (try(each.value.authorization_type, "NONE")), v5 on pass null,
# which the provider leaves at NONE; so the default does not depend on the version. An entry that
# names an authorizer (authorizer_key, authorizer_id) without a type is not judged: its owner means
# one, and AWS decides what such a route becomes. $default is judged when the call's protocol_type
# is HTTP (its default in every version read). The fix, as for the resource, asks for IAM-signed
# requests, which need no authorizer: authorization_type = "AWS_IAM" in the entry.
deny contains fixes.finding(route.call, path, msg, ops) if {
	some route in modules.apigateway_v2_routes
	module_authorizable(route.call, route.key)
	type := object.get(route.entry, "authorization_type", null)
	unset_or_none(type, route.entry)
	unknown.is_false(object.get(route.entry, "api_key_required", false))
	path := entry_path(route, type)
	msg := sprintf("%s (%s) can be called without authorization", [route.call.address, route.key])
	ops := [op | not webhook_route(route.key); op := result.set(array.concat(route.path, ["authorization_type"]), "AWS_IAM")]
}

# A POST (or ANY) route whose path names a webhook ("POST /webhook", "POST /hooks/github") receives
# deliveries from a third party (GitHub, Stripe, Slack) that cannot sign requests with SigV4 and
# authenticates each payload by its own signature, which the handler checks (the GitHub-runners
# module's webhook Lambda verifies X-Hub-Signature). AWS_IAM would turn every delivery away: the
# deliberately public endpoint keeps the finding without a fix (H3 fix review, session 17).
# Deliveries are POSTs: "GET /hooks" reads an API's own hook list and keeps its fix.
webhook_route(route) if {
	parts := split(route, " ")
	upper(parts[0]) in {"POST", "ANY"}
	contains(lower(substring(route, count(parts[0]), -1)), "hook")
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

unset_or_none("NONE", _)

unset_or_none(null, entry) if {
	object.get(entry, "authorizer_key", null) == null
	object.get(entry, "authorizer_id", null) == null
}

entry_path(route, null) := route.path

entry_path(route, "NONE") := array.concat(route.path, ["authorization_type"])

module_authorizable(m, "$default") if {
	upper(object.get(m.config, "protocol_type", "HTTP")) == "HTTP"
}

module_authorizable(m, key) if {
	key != "$default"
	authorizable(m, key)
}
