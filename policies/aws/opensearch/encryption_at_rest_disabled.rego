# METADATA
# title: OpenSearch domain is not encrypted at rest
# description: |
#   Without encryption at rest the domain's indices, logs, swap files and automated snapshots are
#   stored unencrypted. Elasticsearch before 5.1 (an aws_elasticsearch_domain without
#   elasticsearch_version gets 1.5, an aws_opensearch_domain may ask for engine_version
#   "Elasticsearch_2.3") cannot be encrypted: the finding then names the upgrade.
# related_resources:
#   - ref: https://docs.aws.amazon.com/opensearch-service/latest/developerguide/encryption-at-rest.html
# custom:
#   id: PAL-AWS-OPENSEARCH-001
#   severity: high
#   formats: [terraform]
#   resource_types: [aws_opensearch_domain, aws_elasticsearch_domain, "module:terraform-aws-modules/opensearch/aws"]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_5
#     trivy: AVD-AWS-0048
#     kics: 24e16922-4330-4e9d-be8a-caa90299466a
#   cwe: ["CWE-311"]
#   remediation: Add encrypt_at_rest { enabled = true } (on Elasticsearch 5.1 or later; upgrade an older domain first).
#   fixable: true
package palisade.aws.opensearch.encryption_at_rest_disabled

import data.palisade.lib.modules
import data.palisade.lib.opensearch
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

types := {"aws_opensearch_domain", "aws_elasticsearch_domain"}

deny contains finding(r, path, msg, [result.set(path, true)]) if {
	some r in input.resources
	r.type in types
	some i, b in tf.blocks(r, "encrypt_at_rest")
	bad(object.get(b, "enabled", null))
	path := ["encrypt_at_rest", i, "enabled"]
	msg := sprintf("%s is not encrypted at rest", [r.address])
}

deny contains finding(r, ["encrypt_at_rest"], msg, [result.add_block([], "encrypt_at_rest", {"enabled": true})]) if {
	some r in input.resources
	r.type in types
	tf.missing_attr(r, ["encrypt_at_rest"])
	msg := sprintf("%s is not encrypted at rest", [r.address])
}

# Opaque terraform-aws-modules/opensearch calls: encrypt_at_rest, node_to_node_encryption and
# domain_endpoint_options are maps (defaults: enabled, enabled, enforce_https with a TLS 1.2
# policy); only values set against them are judged here and in the sibling rules.
deny contains result.fail_fix(m, ["encrypt_at_rest", "enabled"], msg, [result.set(["encrypt_at_rest", "enabled"], true)]) if {
	some m in modules.opensearch_domains
	unknown.is_false(m.config.encrypt_at_rest.enabled)
	msg := sprintf("%s is not encrypted at rest", [m.address])
}

# AWS offers encryption at rest on Elasticsearch 5.1 and later only and rejects the setting below that, so
# an older domain (aws_elasticsearch_domain without elasticsearch_version runs the provider's 1.5)
# keeps its finding, its data being unprotected, without a fix: the remedy is an upgrade.
finding(r, path, msg, fix) := result.fail(r, path, legacy_msg) if {
	legacy_msg := sprintf("%s: Elasticsearch %s does not support it, upgrade to 5.1 or later", [msg, opensearch.version_text(r)])
	opensearch.below(r, [5, 1])
} else := result.fail_fix(r, path, msg, fix)

bad(null) := true

bad(v) if unknown.is_false(v)
