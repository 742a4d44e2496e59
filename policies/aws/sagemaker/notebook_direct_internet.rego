# METADATA
# title: SageMaker notebook instance has direct internet access
# description: |
#   With direct_internet_access "Enabled" (the default) the notebook reaches the internet outside
#   the VPC, bypassing its network controls, which makes data exfiltration from notebooks easy.
# related_resources:
#   - ref: https://docs.aws.amazon.com/sagemaker/latest/dg/appendix-notebook-and-internet-access.html
# custom:
#   id: PAL-AWS-SAGEMAKER-001
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_sagemaker_notebook_instance]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_122
#   cwe: ["CWE-668"]
#   remediation: Set direct_internet_access = "Disabled" and give the notebook a subnet with the endpoints it needs.
#   fixable: true
package palisade.aws.sagemaker.notebook_direct_internet

import data.palisade.lib.result

types := {"aws_sagemaker_notebook_instance"}

ok_values := {"Disabled"}

deny contains result.fail_fix(r, ["direct_internet_access"], msg, [result.set(["direct_internet_access"], "Disabled")]) if {
	some r in input.resources
	r.type in types
	bad(object.get(r.config, "direct_internet_access", null))
	msg := sprintf("%s has direct internet access", [r.address])
}

bad(null) := true

bad(v) if {
	is_string(v)
	not v in ok_values
}
