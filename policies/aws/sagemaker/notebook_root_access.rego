# METADATA
# title: SageMaker notebook instance gives users root access
# description: |
#   root_access defaults to "Enabled": every notebook user can become root, install anything, change
#   the instance's configuration and read other users' files and credentials. Disable it unless
#   users must install system packages (lifecycle configurations still run as root).
# related_resources:
#   - ref: https://docs.aws.amazon.com/sagemaker/latest/dg/nbi-root-access.html
# custom:
#   id: PAL-AWS-SAGEMAKER-004
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_sagemaker_notebook_instance]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_307
#   cwe: ["CWE-250"]
#   remediation: Set root_access = "Disabled".
#   fixable: true
package palisade.aws.sagemaker.notebook_root_access

import data.palisade.lib.result
import data.palisade.lib.tf

path := ["root_access"]

deny contains result.fail_fix(r, path, msg, [result.set(path, "Disabled")]) if {
	some r in tf.resources("aws_sagemaker_notebook_instance")
	value_bad(tf.attr(r, path))
	msg := sprintf("%s does not set root_access = \"Disabled\"", [r.address])
}

value_bad(null) := true

value_bad(v) if {
	is_string(v)
	v != "Disabled"
}
