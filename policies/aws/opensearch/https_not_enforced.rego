# METADATA
# title: OpenSearch domain does not require HTTPS
# description: |
#   With enforce_https = false, or without a domain_endpoint_options block (the domain then
#   keeps the API's default), the domain endpoint accepts plain HTTP, exposing queries, documents
#   and credentials to anyone on the network path. Inside the block the provider defaults
#   enforce_https to true, so a block that leaves it out requires HTTPS.
# related_resources:
#   - ref: https://docs.aws.amazon.com/opensearch-service/latest/developerguide/infrastructure-security.html
# custom:
#   id: PAL-AWS-OPENSEARCH-003
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_opensearch_domain, aws_elasticsearch_domain, "module:terraform-aws-modules/opensearch/aws"]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_83
#     trivy: AVD-AWS-0046
#     kics: 2e9e0729-66d5-4148-9d39-5e6fb4bf2a4e
#   cwe: ["CWE-319"]
#   remediation: Add domain_endpoint_options { enforce_https = true } (with a TLS 1.2 policy).
#   fixable: true
package palisade.aws.opensearch.https_not_enforced

import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

types := {"aws_opensearch_domain", "aws_elasticsearch_domain"}

deny contains result.fail_fix(r, path, msg, [result.set(path, true)]) if {
	some r in input.resources
	r.type in types
	some i, b in tf.blocks(r, "domain_endpoint_options")
	unknown.is_false(object.get(b, "enforce_https", null))
	path := ["domain_endpoint_options", i, "enforce_https"]
	msg := sprintf("%s does not require HTTPS", [r.address])
}

deny contains result.fail_fix(r, ["domain_endpoint_options"], msg, [result.add_block([], "domain_endpoint_options", {"enforce_https": true})]) if {
	some r in input.resources
	r.type in types
	tf.missing_attr(r, ["domain_endpoint_options"])
	msg := sprintf("%s does not require HTTPS", [r.address])
}

# Opaque terraform-aws-modules/opensearch calls: domain_endpoint_options (default enforce_https).
deny contains result.fail_fix(m, ["domain_endpoint_options", "enforce_https"], msg, [result.set(["domain_endpoint_options", "enforce_https"], true)]) if {
	some m in modules.opensearch_domains
	unknown.is_false(m.config.domain_endpoint_options.enforce_https)
	msg := sprintf("%s does not require HTTPS", [m.address])
}

# The provider's schema gives enforce_https Default: true inside domain_endpoint_options
# (aws_opensearch_domain and aws_elasticsearch_domain), so a block without it sends
# EnforceHTTPS = true: only an explicit false is reported there (HashiCorp policy library round 27).
