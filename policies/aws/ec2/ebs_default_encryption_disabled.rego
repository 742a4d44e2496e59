# METADATA
# title: EBS encryption by default is disabled
# description: |
#   aws_ebs_encryption_by_default with enabled = false leaves every new EBS volume and
#   snapshot in the region unencrypted unless each one asks for encryption.
# related_resources:
#   - ref: https://docs.aws.amazon.com/ebs/latest/userguide/encryption-by-default.html
# custom:
#   id: PAL-AWS-EC2-007
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_ebs_encryption_by_default]
#   frameworks:
#     cis-aws-2.0: ["2.2.1"]
#   references:
#     checkov: CKV_AWS_106
#     kics: 3d3f6270-546b-443c-adb4-bb6fb2187ca6
#   cwe: ["CWE-311"]
#   remediation: Set enabled = true.
#   fixable: true
package palisade.aws.ec2.ebs_default_encryption_disabled

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

deny contains result.fail_fix(r, ["enabled"], msg, [result.set(["enabled"], true)]) if {
	some r in tf.resources("aws_ebs_encryption_by_default")
	unknown.is_false(r.config.enabled)
	msg := sprintf("%s disables EBS encryption by default", [r.address])
}
