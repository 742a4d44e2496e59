# METADATA
# title: OpenSearch domain does not encrypt node-to-node traffic
# description: |
#   Without node-to-node encryption, data moving between the nodes of the domain travels in clear
#   text inside the VPC.
#   Elasticsearch before 6.0 (an aws_elasticsearch_domain without elasticsearch_version gets 1.5,
#   an aws_opensearch_domain may ask for engine_version "Elasticsearch_5.6") cannot encrypt it:
#   the finding then names the upgrade.
# related_resources:
#   - ref: https://docs.aws.amazon.com/opensearch-service/latest/developerguide/ntn.html
# custom:
#   id: PAL-AWS-OPENSEARCH-002
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_opensearch_domain, aws_elasticsearch_domain, "module:terraform-aws-modules/opensearch/aws"]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_6
#     trivy: AVD-AWS-0043
#     kics: 967eb3e6-26fc-497d-8895-6428beb6e8e2
#   cwe: ["CWE-319"]
#   remediation: Add node_to_node_encryption { enabled = true } (on Elasticsearch 6.0 or later; upgrade an older domain first).
#   fixable: true
package palisade.aws.opensearch.node_to_node_encryption_disabled

import data.palisade.lib.modules
import data.palisade.lib.opensearch
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

types := {"aws_opensearch_domain", "aws_elasticsearch_domain"}

deny contains finding(r, path, msg, [result.set(path, true)]) if {
	some r in input.resources
	r.type in types
	some i, b in tf.blocks(r, "node_to_node_encryption")
	bad(object.get(b, "enabled", null))
	path := ["node_to_node_encryption", i, "enabled"]
	msg := sprintf("%s does not encrypt node-to-node traffic", [r.address])
}

deny contains finding(r, ["node_to_node_encryption"], msg, [result.add_block([], "node_to_node_encryption", {"enabled": true})]) if {
	some r in input.resources
	r.type in types
	tf.missing_attr(r, ["node_to_node_encryption"])
	msg := sprintf("%s does not encrypt node-to-node traffic", [r.address])
}

# Opaque terraform-aws-modules/opensearch calls: node_to_node_encryption (default enabled).
deny contains result.fail_fix(m, ["node_to_node_encryption", "enabled"], msg, [result.set(["node_to_node_encryption", "enabled"], true)]) if {
	some m in modules.opensearch_domains
	unknown.is_false(m.config.node_to_node_encryption.enabled)
	msg := sprintf("%s does not encrypt node-to-node traffic", [m.address])
}

# AWS offers node-to-node encryption on Elasticsearch 6.0 and later only and rejects the setting below that, so
# an older domain (aws_elasticsearch_domain without elasticsearch_version runs the provider's 1.5)
# keeps its finding, its data being unprotected, without a fix: the remedy is an upgrade.
finding(r, path, msg, fix) := result.fail(r, path, legacy_msg) if {
	legacy_msg := sprintf("%s: Elasticsearch %s does not support it, upgrade to 6.0 or later", [msg, opensearch.version_text(r)])
	opensearch.below(r, [6, 0])
} else := result.fail_fix(r, path, msg, fix)

bad(null) := true

bad(v) if unknown.is_false(v)
