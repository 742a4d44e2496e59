# METADATA
# title: CloudFront connects to its origin with SSL or TLS older than 1.2
# description: |
#   A custom origin whose origin_ssl_protocols admits SSLv3, TLSv1 or TLSv1.1 lets CloudFront
#   negotiate one of them with the origin: the leg between the edge and the web server, which
#   often crosses the internet, can then fall back to protocol versions and ciphers with known
#   weaknesses. Origins that CloudFront reaches only over HTTP (origin_protocol_policy
#   "http-only") negotiate no TLS and are not judged here.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/secure-connections-supported-ciphers-cloudfront-to-origin.html
#   - ref: https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DownloadDistValuesOrigin.html#DownloadDistValuesOriginSSLProtocols
# custom:
#   id: PAL-AWS-CLOUDFRONT-006
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_cloudfront_distribution, "module:terraform-aws-modules/cloudfront/aws"]
#   frameworks: {}
#   references:
#     checkov: CKV2_AWS_54
#   cwe: ["CWE-327"]
#   remediation: Set origin_ssl_protocols = ["TLSv1.2"] (every current web server supports TLS 1.2).
#   fixable: true
package palisade.aws.cloudfront.origin_outdated_tls

import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

# The values the API accepts are SSLv3, TLSv1, TLSv1.1 and TLSv1.2; anything but TLSv1.2 (or a
# later version AWS may add) is older.
outdated(protocol) if {
	is_string(protocol)
	not regex.match(`^TLSv1\.[2-9]$`, protocol)
}

# The protocols admitted, as a message fragment, when some are outdated.
outdated_list(protocols) := concat(", ", old) if {
	is_array(protocols)
	every p in protocols {
		unknown.known(p)
	}
	old := [p | some p in protocols; outdated(p)]
	count(old) > 0
}

uses_tls(origin_config) if {
	policy := unknown.known_string(object.get(origin_config, "origin_protocol_policy", "https-only"))
	policy != "http-only"
}

deny contains result.fail_fix(r, path, msg, [result.set(path, ["TLSv1.2"])]) if {
	some r in tf.resources("aws_cloudfront_distribution")
	some i, origin in tf.blocks(r, "origin")
	some j, custom in unknown.items(object.get(origin, "custom_origin_config", []))
	uses_tls(custom)
	old := outdated_list(object.get(custom, "origin_ssl_protocols", []))
	path := ["origin", i, "custom_origin_config", j, "origin_ssl_protocols"]
	msg := sprintf("%s connects to origin %s with %s allowed", [r.address, origin_label(origin, i), old])
}

# Opaque terraform-aws-modules/cloudfront calls: `origin` is a map of origins by key, each with
# an optional custom_origin_config object holding the same arguments.
deny contains result.fail_fix(m, path, msg, [result.set(path, ["TLSv1.2"])]) if {
	some m in modules.cloudfront_distributions
	origins := m.config.origin
	is_object(origins)
	some key, origin in origins
	is_object(origin)
	custom := origin.custom_origin_config
	is_object(custom)
	uses_tls(custom)
	old := outdated_list(object.get(custom, "origin_ssl_protocols", []))
	path := ["origin", key, "custom_origin_config", "origin_ssl_protocols"]
	msg := sprintf("%s connects to origin %s with %s allowed", [m.address, key, old])
}

# The origin's id when it is known, else its position: an id computed from a module's label
# (origin_id = module.this.id, held-out cloudposse cloudfront-cdn) is unknown here and must not
# reach the message as a JSON object.
origin_label(origin, _) := id if {
	id := unknown.known_string(object.get(origin, "origin_id", null))
}

origin_label(origin, i) := sprintf("%d", [i]) if {
	not unknown.known_string(object.get(origin, "origin_id", null))
}
