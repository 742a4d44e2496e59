# METADATA
# title: API Gateway method settings do not enable CloudWatch metrics
# description: |
#   Without detailed CloudWatch metrics there is no per-method view of request counts, 4xx/5xx
#   errors and latency, so abuse such as credential stuffing or scraping goes unnoticed.
# related_resources:
#   - ref: https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-metrics-and-dimensions.html
# custom:
#   id: PAL-AWS-APIGATEWAY-008
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_api_gateway_method_settings]
#   references:
#     kics: 081069cb-588b-4ce1-884c-2a1ce3029fe5
#   cwe: ["CWE-778"]
#   remediation: Set metrics_enabled = true in the settings block.
#   fixable: true
package palisade.aws.apigateway.method_metrics_disabled

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

deny contains result.fail_fix(r, path, msg, [result.set(path, true)]) if {
	some r in tf.resources("aws_api_gateway_method_settings")
	some i, s in tf.blocks(r, "settings")
	unknown.not_true(object.get(s, "metrics_enabled", false))
	path := ["settings", i, "metrics_enabled"]
	msg := sprintf("%s does not enable CloudWatch metrics", [r.address])
}
