# METADATA
# title: OpenSearch domain is encrypted at rest without a customer managed key
# description: |
#   With encrypt_at_rest enabled but no kms_key_id (or one naming aws/es itself, by alias or through
#   a data source) the domain's indices, logs and snapshots are encrypted with the AWS managed key
#   aws/es, which every principal with OpenSearch access in the account can use and which you cannot
#   disable or audit per domain. A customer managed key keeps that control with you.
# related_resources:
#   - ref: https://docs.aws.amazon.com/opensearch-service/latest/developerguide/encryption-at-rest.html
# custom:
#   id: PAL-AWS-OPENSEARCH-004
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_elasticsearch_domain, aws_opensearch_domain, "module:terraform-aws-modules/opensearch/aws"]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_247
#     kics: 7af2f4a3-00d9-47f3-8d15-ca0888f4e5b2
#   allow_unknown: true
#   remediation: Set encrypt_at_rest.kms_key_id to a customer managed KMS key.
#   fixable: true
package palisade.aws.opensearch.encryption_without_cmk

import data.palisade.lib.fixes
import data.palisade.lib.kms
import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

# The fix adds a customer managed key and names it in the block.
deny contains fixes.finding(r, ["encrypt_at_rest", i], msg, fixes.cmk_set(r, ["encrypt_at_rest", i, "kms_key_id"])) if {
	some r in input.resources
	r.type in {"aws_elasticsearch_domain", "aws_opensearch_domain"}
	some i, block in tf.blocks(r, "encrypt_at_rest")
	unknown.is_true(block.enabled)
	unknown.missing(block, "kms_key_id")
	msg := sprintf("%s encrypts data at rest with the AWS managed key instead of a customer managed key", [r.address])
}

# The AWS managed key named explicitly (alias/aws/es, its alias ARN, or a data source looking it up
# by that alias) is the same key as none (round 38, Conformity). The fix names a new customer
# managed key in its place, as for a missing key (kms_key_id forces a new domain either way).
deny contains fixes.finding(r, path, msg, named_key_fix(r, path)) if {
	some r in input.resources
	r.type in {"aws_elasticsearch_domain", "aws_opensearch_domain"}
	some i, block in tf.blocks(r, "encrypt_at_rest")
	unknown.is_true(block.enabled)
	path := ["encrypt_at_rest", i, "kms_key_id"]
	kms.aws_managed(r, path)
	msg := sprintf("%s encrypts data at rest with the AWS managed key aws/es instead of a customer managed key", [r.address])
}

# Opaque terraform-aws-modules/opensearch calls: encrypt_at_rest defaults to {enabled = true}, with
# no kms_key_id: the AWS managed key. On the argument when set, else on the call. No fix: the key
# the resource fix adds is named after the resource.
deny contains result.fail(m, ["encrypt_at_rest"], msg) if {
	some m in modules.opensearch_domains
	options := object.get(m.config, "encrypt_at_rest", {"enabled": true})
	is_object(options)
	unknown.known(options)
	not unknown.is_false(object.get(options, "enabled", true))
	object.get(options, "kms_key_id", null) in {null, ""}
	msg := sprintf("%s encrypts data at rest with the AWS managed key instead of a customer managed key", [m.address])
}

named_key_fix(r, path) := fixes.cmk_set(r, path) if {
	kms.aws_managed_alias(unknown.known_string(tf.attr(r, path)))
} else := fixes.cmk_replace(r, path, tf.attr(r, path)["$unknown"]) if {
	unknown.is_unknown(tf.attr(r, path))
} else := []
