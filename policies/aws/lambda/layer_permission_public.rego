# METADATA
# title: Lambda layer version is shared with every AWS account
# description: |
#   An aws_lambda_layer_version_permission with principal "*" and no organization_id adds a
#   statement to the layer version's policy that lets any AWS account call GetLayerVersion: anyone
#   who learns the layer ARN can download its code, and with it any credentials, endpoints or
#   proprietary logic packaged in the layer. Layers built for public distribution are the exception;
#   everyone else should name the consumer account as principal, or keep principal "*" with
#   organization_id to share with one AWS Organization.
# related_resources:
#   - ref: https://docs.aws.amazon.com/lambda/latest/dg/permissions-layer-cross-account.html
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/lambda_layer_version_permission
# custom:
#   id: PAL-AWS-LAMBDA-007
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_lambda_layer_version_permission]
#   frameworks: {}
#   cwe: ["CWE-732"]
#   remediation: >-
#     Set principal to the consumer account ID, or keep principal "*" and set organization_id to
#     share the layer with your organization only.
#   fixable: false
package palisade.aws.lambda.layer_permission_public

# No fix: the organization's id (or the consumer account) is not in the configuration, and an
# invented value would either fail at apply or share the layer with the wrong party.

import data.palisade.lib.result
import data.palisade.lib.tf

deny contains result.fail(r, ["principal"], msg) if {
	some r in tf.resources("aws_lambda_layer_version_permission")
	r.config.principal == "*"
	tf.missing_attr(r, ["organization_id"])
	msg := sprintf("%s shares the layer version with every AWS account: principal \"*\" without organization_id", [r.address])
}
