# METADATA
# title: API Gateway response cache is not encrypted
# description: |
#   Method settings turn on response caching without cache_data_encrypted. Cached responses can hold
#   personal or secret data and then sit unencrypted at rest in the stage cache. Caching is on when
#   the settings say caching_enabled = true, or when they leave it unset for GET methods (a GET
#   method path or "*/*") of a stage of this module with cache_cluster_enabled = true: AWS caches
#   GET methods by default once the stage has a cache.
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
	caching(r, s)
	unknown.not_true(object.get(s, "cache_data_encrypted", false))
	path := ["settings", i, "cache_data_encrypted"]
	msg := sprintf("%s caches responses without encrypting the cache", [r.address])
}

# caching(r, settings): the settings block leaves responses cached.
caching(_, s) if unknown.is_true(object.get(s, "caching_enabled", false))

# Unset caching_enabled keeps AWS's default: once a stage has a cache cluster, its GET methods are
# cached (other methods only when their settings turn caching on). Unknown stays quiet.
caching(r, s) if {
	not "caching_enabled" in object.keys(s)
	regex.match(`(^|/)(GET|\*)$`, object.get(r.config, "method_path", ""))
	cached_stage(r)
}

# cached_stage(r): the method settings name a stage of this module that has a cache cluster, by
# reference (stage_name = aws_api_gateway_stage.x.stage_name) or by the same name and API.
cached_stage(r) if {
	some ref in tf.references_to(r, ["stage_name"], "aws_api_gateway_stage")
	some addr in cached_stages
	tf.refers_to(ref.target, addr)
}

cached_stage(r) if {
	some ref in tf.references_to(r, ["rest_api_id"], "aws_api_gateway_rest_api")
	[ref.target, r.config.stage_name] in cached_stage_names
}

# The stages with a cache cluster, computed once (not per method settings resource).
cached_stages contains s.address if {
	some s in tf.resources("aws_api_gateway_stage")
	unknown.is_true(object.get(s.config, "cache_cluster_enabled", false))
}

cached_stage_names contains [ref.target, s.config.stage_name] if {
	some s in tf.resources("aws_api_gateway_stage")
	s.address in cached_stages
	is_string(s.config.stage_name)
	some ref in tf.references_to(s, ["rest_api_id"], "aws_api_gateway_rest_api")
}
