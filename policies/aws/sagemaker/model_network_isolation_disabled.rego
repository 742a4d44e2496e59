# METADATA
# title: SageMaker model containers may open network connections
# description: |
#   enable_network_isolation defaults to false: an aws_sagemaker_model's inference containers can
#   then reach the internet (or, in a VPC, whatever its routes allow) and could send the requests
#   they score, or the model artifacts, anywhere. With isolation on, SageMaker still downloads the
#   model data and passes requests and responses, but the container itself has no network access.
#   The AWS Config rule sagemaker-model-isolation-enabled asks for it.
#   Advisory, and no fix: containers that download weights at start-up (for example Hugging Face
#   containers given HF_MODEL_ID) or call other services stop working with isolation on.
# related_resources:
#   - ref: https://docs.aws.amazon.com/sagemaker/latest/dg/mkt-algo-model-internet-free.html
#   - ref: https://docs.aws.amazon.com/config/latest/developerguide/sagemaker-model-isolation-enabled.html
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/sagemaker_model#enable_network_isolation
# custom:
#   id: PAL-AWS-SAGEMAKER-005
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_sagemaker_model]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_370
#   cwe: ["CWE-668"]
#   remediation: >-
#     Set enable_network_isolation = true when the model's containers need no network access of
#     their own (package the model data in model_data_url / S3 instead of downloading it).
#   fixable: false
package palisade.aws.sagemaker.model_network_isolation_disabled

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

warn contains result.fail(r, path_of(r), msg) if {
	some r in tf.resources("aws_sagemaker_model")
	unknown.not_true(object.get(r.config, "enable_network_isolation", null))
	msg := sprintf("%s does not isolate its containers from the network (enable_network_isolation is not true)", [r.address])
}

path_of(r) := ["enable_network_isolation"] if {
	tf.has_attr(r, ["enable_network_isolation"])
} else := []
