# METADATA
# title: CloudFront allows viewers to use plain HTTP
# description: |
#   A cache behavior with viewer_protocol_policy = "allow-all" serves content over unencrypted
#   HTTP, so responses (and cookies or tokens in requests) can be read or altered by anyone on
#   the network path.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-https-viewers-to-cloudfront.html
# custom:
#   id: PAL-AWS-CLOUDFRONT-001
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_cloudfront_distribution, "module:terraform-aws-modules/cloudfront/aws"]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_34
#     trivy: AVD-AWS-0012
#     kics:
#       - 55af1353-2f62-4fa0-a8e1-a210ca2708f5
#       - 8c5f4f1a-4c84-4fbe-9743-d6d72b1ee31a
#   cwe: ["CWE-319"]
#   remediation: Set viewer_protocol_policy = "redirect-to-https" (or "https-only").
#   fixable: true
package palisade.aws.cloudfront.viewer_protocol_allows_http

import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

deny contains result.fail_fix(r, path, msg, [result.set(path, "redirect-to-https")]) if {
	some r in tf.resources("aws_cloudfront_distribution")
	some kind in ["default_cache_behavior", "ordered_cache_behavior"]
	some i, behavior in tf.blocks(r, kind)
	behavior.viewer_protocol_policy == "allow-all"
	path := [kind, i, "viewer_protocol_policy"]
	msg := sprintf("%s serves a cache behavior over plain HTTP", [r.address])
}

# Opaque terraform-aws-modules/cloudfront calls: default_cache_behavior (a map) and
# ordered_cache_behavior (a list of maps) pass viewer_protocol_policy through.
deny contains result.fail_fix(m, path, msg, [result.set(path, "redirect-to-https")]) if {
	some m in modules.cloudfront_distributions
	some behavior_path, behavior in module_behaviors(m)
	behavior.viewer_protocol_policy == "allow-all"
	path := array.concat(behavior_path, ["viewer_protocol_policy"])
	msg := sprintf("%s serves a cache behavior over plain HTTP", [m.address])
}

module_behaviors(m) := object.union(
	{["default_cache_behavior"]: b | b := m.config.default_cache_behavior; is_object(b)},
	{["ordered_cache_behavior", i]: b | some i, b in unknown.items(object.get(m.config, "ordered_cache_behavior", [])); is_object(b)},
)
