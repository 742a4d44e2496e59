# METADATA
# title: API Gateway response cache is not encrypted
# description: |
#   Method settings turn on response caching without cache_data_encrypted. Cached responses can hold
#   personal or secret data and then sit unencrypted at rest in the stage cache.
# related_resources:
#   - ref: https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-caching.html
# custom:
#   id: PAL-AWS-APIGATEWAY-004
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_api_gateway_method_settings]
#   references:
#     checkov: CKV_AWS_308
#     trivy: AVD-AWS-0002
#     kics: b7c9a40c-23e4-4a2d-8d39-a3352f10f288
#   cwe: ["CWE-311"]
#   remediation: Set cache_data_encrypted = true in the settings block.
#   fixable: true
package palisade.aws.apigateway.cache_not_encrypted

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

deny contains result.fail_fix(r, path, msg, [result.set(path, true)]) if {
	some r in tf.resources("aws_api_gateway_method_settings")
	some i, s in tf.blocks(r, "settings")
	unknown.is_true(object.get(s, "caching_enabled", false))
	unknown.not_true(object.get(s, "cache_data_encrypted", false))
	path := ["settings", i, "cache_data_encrypted"]
	msg := sprintf("%s caches responses without encrypting the cache", [r.address])
}
