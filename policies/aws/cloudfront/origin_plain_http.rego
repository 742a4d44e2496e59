# METADATA
# title: CloudFront sends requests to a custom origin over plain HTTP
# description: |
#   A custom origin whose origin_protocol_policy is "http-only" — or "match-viewer" while a cache
#   behavior routed to it accepts HTTP from viewers (viewer_protocol_policy = "allow-all") — makes
#   CloudFront forward requests and responses, with their cookies and authorization headers,
#   unencrypted between the edge and the origin, a leg that usually crosses the internet. Viewer
#   HTTPS does not protect it. S3 website endpoints, which accept HTTP only, are left alone: the
#   remedy there is an S3 REST origin with origin access control, not a protocol setting.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-https-cloudfront-to-custom-origin.html
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/cloudfront-controls.html#cloudfront-9
# custom:
#   id: PAL-AWS-CLOUDFRONT-007
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_cloudfront_distribution]
#   frameworks: {}
#   references:
#     checkov: CKV2_AWS_72
#   cwe: ["CWE-319"]
#   remediation: Serve HTTPS on the origin and set origin_protocol_policy = "https-only".
#   fixable: false
package palisade.aws.cloudfront.origin_plain_http

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

# Not fixable: switching the policy needs a certificate on the origin for its domain name, which
# only the owner can provide.
deny contains result.fail(r, path, msg) if {
	some r in tf.resources("aws_cloudfront_distribution")
	some i, origin in tf.blocks(r, "origin")
	some j, custom in unknown.items(object.get(origin, "custom_origin_config", []))
	unknown.known_string(custom.origin_protocol_policy) == "http-only"
	not website_endpoint(origin)
	path := ["origin", i, "custom_origin_config", j, "origin_protocol_policy"]
	msg := sprintf("%s sends requests to origin %s over plain HTTP (origin_protocol_policy = \"http-only\")", [r.address, origin_label(origin, i)])
}

# match-viewer forwards over HTTP exactly the requests viewers made over HTTP: only behaviors that
# accept HTTP and route to this origin (directly or through an origin group) make it plain.
deny contains result.fail(r, path, msg) if {
	some r in tf.resources("aws_cloudfront_distribution")
	some i, origin in tf.blocks(r, "origin")
	some j, custom in unknown.items(object.get(origin, "custom_origin_config", []))
	unknown.known_string(custom.origin_protocol_policy) == "match-viewer"
	not website_endpoint(origin)
	id := unknown.known_string(origin.origin_id)
	some behavior in http_behaviors(r)
	routes_to(r, unknown.known_string(behavior.target_origin_id), id)
	path := ["origin", i, "custom_origin_config", j, "origin_protocol_policy"]
	msg := sprintf(
		"%s forwards viewers' plain HTTP requests to origin %s over HTTP (match-viewer with viewer_protocol_policy = \"allow-all\")",
		[r.address, id],
	)
}

http_behaviors(r) := [b |
	some name in ["default_cache_behavior", "ordered_cache_behavior"]
	some b in tf.blocks(r, name)
	unknown.known_string(b.viewer_protocol_policy) == "allow-all"
]

routes_to(_, target, id) if target == id

routes_to(r, target, id) if {
	some group in tf.blocks(r, "origin_group")
	unknown.known_string(group.origin_id) == target
	some member in unknown.items(object.get(group, "member", []))
	unknown.known_string(member.origin_id) == id
}

# An S3 website endpoint (<bucket>.s3-website-<region>.amazonaws.com or s3-website.<region>…),
# by its literal name or as a reference to a bucket's website endpoint.
website_endpoint(origin) if contains(unknown.known_string(origin.domain_name), ".s3-website")

website_endpoint(origin) if {
	expr := origin.domain_name["$unknown"]
	is_string(expr)
	regex.match(`\.website_(endpoint|domain)\b`, expr)
}

origin_label(origin, _) := id if {
	id := unknown.known_string(object.get(origin, "origin_id", null))
}

origin_label(origin, i) := sprintf("%d", [i]) if {
	not unknown.known_string(object.get(origin, "origin_id", null))
}
