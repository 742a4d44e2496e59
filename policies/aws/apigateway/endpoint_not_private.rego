# METADATA
# title: API Gateway REST API endpoint is public
# description: |
#   An EDGE or REGIONAL endpoint (EDGE is the default) makes the API reachable from the internet.
#   APIs meant for callers inside your VPCs should use a PRIVATE endpoint reached through an
#   interface VPC endpoint, so that nothing outside can even reach the authorizer.
# related_resources:
#   - ref: https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-private-apis.html
# custom:
#   id: PAL-AWS-APIGATEWAY-003
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_api_gateway_rest_api]
#   references:
#     kics: 6b2739db-9c49-4db7-b980-7816e0c248c1
#   cwe: ["CWE-668"]
#   remediation: Use endpoint_configuration { types = ["PRIVATE"] } for internal APIs.
#   fixable: false
package palisade.aws.apigateway.endpoint_not_private

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

# Advisory: many APIs are public on purpose.
warn contains result.fail(r, ["endpoint_configuration", i, "types", j], msg) if {
	some r in tf.resources("aws_api_gateway_rest_api")
	some i, b in tf.blocks(r, "endpoint_configuration")
	some j, t in unknown.items(object.get(b, "types", null))
	t in {"EDGE", "REGIONAL"}
	msg := sprintf("%s is reachable from the internet (endpoint type %s)", [r.address, t])
}

warn contains result.fail(r, ["endpoint_configuration"], msg) if {
	some r in tf.resources("aws_api_gateway_rest_api")
	tf.missing_attr(r, ["endpoint_configuration"])
	msg := sprintf("%s is reachable from the internet (endpoint type EDGE)", [r.address])
}
