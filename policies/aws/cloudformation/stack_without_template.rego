# METADATA
# title: CloudFormation stack has no template
# description: |
#   A stack needs template_body or template_url; without either the stack cannot be created, and its
#   contents cannot be reviewed or scanned.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cfn-whatis-concepts.html
# custom:
#   id: PAL-AWS-CLOUDFORMATION-002
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_cloudformation_stack]
#   references:
#     kics: 91bea7b8-0c31-4863-adc9-93f6177266c4
#   remediation: Set template_body or template_url.
#   fixable: false
package palisade.aws.cloudformation.stack_without_template

import data.palisade.lib.result
import data.palisade.lib.tf

deny contains result.fail(r, [], msg) if {
	some r in tf.resources("aws_cloudformation_stack")
	tf.missing_attr(r, ["template_body"])
	tf.missing_attr(r, ["template_url"])
	msg := sprintf("%s has no template (template_body or template_url)", [r.address])
}
