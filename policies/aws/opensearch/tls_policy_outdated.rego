# METADATA
# title: OpenSearch domain accepts TLS versions older than 1.2
# description: |
#   domain_endpoint_options.tls_security_policy defaults to Policy-Min-TLS-1-0-2019-07, which lets
#   clients negotiate TLS 1.0 and 1.1 with their known weaknesses. Require at least TLS 1.2.
# related_resources:
#   - ref: https://docs.aws.amazon.com/opensearch-service/latest/developerguide/infrastructure-security.html
# custom:
#   id: PAL-AWS-OPENSEARCH-006
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_elasticsearch_domain, aws_opensearch_domain, "module:terraform-aws-modules/opensearch/aws"]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_228
#     trivy: AVD-AWS-0126
#   cwe: ["CWE-327"]
#   remediation: Set domain_endpoint_options.tls_security_policy = "Policy-Min-TLS-1-2-2019-07" (or a newer TLS 1.2 policy).
#   fixable: true
package palisade.aws.opensearch.tls_policy_outdated

import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.tf

modern := "Policy-Min-TLS-1-2-2019-07"

domains := [r | some r in input.resources; r.type in {"aws_elasticsearch_domain", "aws_opensearch_domain"}]

deny contains result.fail_fix(r, ["domain_endpoint_options"], msg(r), [result.add_block([], "domain_endpoint_options", {"tls_security_policy": modern})]) if {
	some r in domains
	tf.missing_attr(r, ["domain_endpoint_options"])
}

deny contains result.fail_fix(r, path, msg(r), [result.set(path, modern)]) if {
	some r in domains
	some i, options in tf.blocks(r, "domain_endpoint_options")
	outdated(object.get(options, "tls_security_policy", null))
	path := ["domain_endpoint_options", i, "tls_security_policy"]
}

# Opaque terraform-aws-modules/opensearch calls: a set domain_endpoint_options.tls_security_policy
# (default Policy-Min-TLS-1-2-2019-07).
deny contains result.fail_fix(m, path, msg(m), [result.set(path, modern)]) if {
	some m in modules.opensearch_domains
	policy := m.config.domain_endpoint_options.tls_security_policy
	is_string(policy)
	outdated(policy)
	path := ["domain_endpoint_options", "tls_security_policy"]
}

outdated(null) := true

outdated(policy) if {
	is_string(policy)
	not startswith(policy, "Policy-Min-TLS-1-2")
}

msg(r) := sprintf("%s accepts TLS versions older than 1.2", [r.address])
