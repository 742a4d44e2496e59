# METADATA
# title: SageMaker notebook instance accepts IMDSv1 requests
# description: |
#   A notebook instance created without instance_metadata_service_configuration, or with
#   minimum_instance_metadata_service_version = "1", answers instance metadata requests without a
#   session token (IMDSv1): CreateNotebookInstance defaults to version 1. Code running in the
#   notebook, or a server-side request forgery in a notebook extension, can then read the
#   credentials of the notebook's execution role with a single GET. Version "2" requires the token
#   that such requests cannot obtain. The fix sets the minimum version to "2", which SageMaker
#   applies in place (the provider stops and restarts the notebook; its volume is kept). The block
#   came with AWS provider v4.20.0: below it the notebook is reported without a fix.
# related_resources:
#   - ref: https://docs.aws.amazon.com/sagemaker/latest/dg/nbi-update-imdsv2.html
#   - ref: https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_InstanceMetadataServiceConfiguration.html
# custom:
#   id: PAL-AWS-SAGEMAKER-007
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_sagemaker_notebook_instance]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_371
#   cwe: ["CWE-918"]
#   remediation: >-
#     Add instance_metadata_service_configuration { minimum_instance_metadata_service_version = "2" }
#     once the notebook's code uses an SDK that speaks IMDSv2 (every current AWS SDK does).
#   fixable: true
package palisade.aws.sagemaker.notebook_imdsv1_allowed

import data.palisade.lib.fixes
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

block := "instance_metadata_service_configuration"

key := "minimum_instance_metadata_service_version"

msg(r) := sprintf("%s accepts IMDSv1 (minimum_instance_metadata_service_version is not \"2\")", [r.address])

# No block: CreateNotebookInstance's default is version 1.
deny contains fixes.finding(r, [block], msg(r), add_block_fix) if {
	some r in tf.resources("aws_sagemaker_notebook_instance")
	tf.missing_attr(r, [block])
}

# A block that leaves the version at "1" (or unset, which the provider sends as no value).
deny contains result.fail_fix(r, path, msg(r), [result.set(path, "2")]) if {
	some r in tf.resources("aws_sagemaker_notebook_instance")
	some i, options in tf.blocks(r, block)
	version := object.get(options, key, null)
	unknown.known(version)
	sprintf("%v", [version]) != "2"
	path := [block, i, key]
}

# The block came with hashicorp/aws v4.20.0 (June 2022): a configuration that keeps the provider
# below it cannot write it (terraform validate rejects the block), so no fix there.
add_block_fix := [] if tf.provider_below_version("aws", 4, 20)

add_block_fix := [result.add_block([], block, {key: "2"})] if not tf.provider_below_version("aws", 4, 20)
