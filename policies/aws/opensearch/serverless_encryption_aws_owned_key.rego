# METADATA
# title: OpenSearch Serverless collections are encrypted with an AWS owned key
# description: |
#   An aws_opensearchserverless_security_policy of type encryption with "AWSOwnedKey": true encrypts
#   the collections it matches with a key that AWS owns and shares across accounts: it does not
#   appear in your account, its use is not logged in your CloudTrail, and you cannot disable it or
#   restrict who may decrypt. A customer managed key (KmsARN) keeps that control with you. A
#   collection keeps the key it was created with, so choose the key before creating collections.
# related_resources:
#   - ref: https://docs.aws.amazon.com/opensearch-service/latest/developerguide/serverless-encryption.html
# custom:
#   id: PAL-AWS-OPENSEARCH-009
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_opensearchserverless_security_policy]
#   frameworks: {}
#   references: {}
#   cwe: ["CWE-311"]
#   remediation: Set "AWSOwnedKey" to false and "KmsARN" to a customer managed KMS key whose key policy lets OpenSearch Serverless use it.
#   fixable: false
package palisade.aws.opensearch.serverless_encryption_aws_owned_key

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

# On the AWSOwnedKey value inside the policy document (jsonencode, heredoc or string). No fix: the
# key policy must admit the service, and collections the policy already matches keep their key.
deny contains result.fail(r, ["policy", "AWSOwnedKey"], msg) if {
	some r in tf.resources("aws_opensearchserverless_security_policy")
	lower(unknown.known_string(object.get(r.config, "type", null))) == "encryption"
	doc := document(r.config.policy)
	unknown.is_true(object.get(doc, "AWSOwnedKey", null))
	msg := sprintf("%s encrypts its collections with an AWS owned key instead of a customer managed key", [r.address])
}

# Known JSON text that is not an IAM policy stays a string in the model; text with unknown leaves
# arrives decoded, with only those leaves unknown (docs/model.md).
document(v) := json.unmarshal(v) if {
	is_string(v)
	json.is_valid(v)
} else := v if {
	is_object(v)
	not unknown.is_unknown(v)
}
