# METADATA
# title: SageMaker endpoint configuration does not encrypt with a KMS key
# description: |
#   Without kms_key_arn the ML storage volumes attached to the endpoint's instances are encrypted
#   only with an AWS managed key (or, on instance types with only NVMe instance storage, not under
#   your control), and key usage is invisible to you. A customer managed key keeps access to the
#   model data and inference payloads auditable and revocable.
# related_resources:
#   - ref: https://docs.aws.amazon.com/sagemaker/latest/dg/encryption-at-rest.html
# custom:
#   id: PAL-AWS-SAGEMAKER-002
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_sagemaker_endpoint_configuration]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_98
#     kics: 58b35504-0287-4154-bf69-02c0573deab8
#   remediation: Set kms_key_arn to a customer managed KMS key.
#   fixable: true
package palisade.aws.sagemaker.endpoint_config_without_kms

import data.palisade.lib.fixes
import data.palisade.lib.tf

# The fix adds a customer managed key for the endpoint storage.
deny contains fixes.finding(r, ["kms_key_arn"], msg, fixes.cmk_set(r, ["kms_key_arn"])) if {
	some r in tf.resources("aws_sagemaker_endpoint_configuration")
	tf.missing_attr(r, ["kms_key_arn"])
	msg := sprintf("%s does not encrypt endpoint storage with a KMS key", [r.address])
}
