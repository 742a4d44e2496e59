# METADATA
# title: OpenSearch domain does not require HTTPS
# description: |
#   Unless enforce_https is set, the domain endpoint accepts plain HTTP, exposing queries,
#   documents and credentials to anyone on the network path.
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
	bad(object.get(b, "enforce_https", null))
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

bad(null) := true

bad(v) if unknown.is_false(v)
