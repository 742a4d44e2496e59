# METADATA
# title: SageMaker notebook instance does not encrypt its volume with a KMS key
# description: |
#   Without kms_key_id the notebook's ML storage volume, which holds notebooks, data and often
#   credentials, is encrypted with an AWS managed key whose use you cannot restrict or audit per
#   key. A customer managed key keeps that data's access auditable and revocable.
# related_resources:
#   - ref: https://docs.aws.amazon.com/sagemaker/latest/dg/encryption-at-rest-nbi.html
# custom:
#   id: PAL-AWS-SAGEMAKER-003
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_sagemaker_notebook_instance]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_22
#     kics: f3674e0c-f6be-43fa-b71c-bf346d1aed99
#   remediation: Set kms_key_id to a customer managed KMS key (the instance is replaced).
#   fixable: true
package palisade.aws.sagemaker.notebook_without_kms

import data.palisade.lib.fixes
import data.palisade.lib.tf

# The fix adds a customer managed key for the notebook volume.
deny contains fixes.finding(r, ["kms_key_id"], msg, fixes.cmk_set(r, ["kms_key_id"])) if {
	some r in tf.resources("aws_sagemaker_notebook_instance")
	tf.missing_attr(r, ["kms_key_id"])
	msg := sprintf("%s does not encrypt its storage volume with a KMS key", [r.address])
}
