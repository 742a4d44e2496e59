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
#     checkov: [CKV_AWS_122, CKV_AWS_306]
#   cwe: ["CWE-668"]
#   remediation: >-
#     Set direct_internet_access = "Disabled" and give the notebook a subnet with the endpoints it
#     needs (and a NAT gateway if it must reach the internet).
#   fixable: true
package palisade.aws.sagemaker.notebook_direct_internet

import data.palisade.lib.fixes
import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

types := {"aws_sagemaker_notebook_instance"}

ok_values := {"Disabled"}

deny contains fixes.finding(r, ["direct_internet_access"], message(r), ops) if {
	some r in input.resources
	r.type in types
	bad(object.get(r.config, "direct_internet_access", null))
	ops := [op | not no_fix_reason(r); op := result.set(["direct_internet_access"], "Disabled")]
}

message(r) := sprintf("%s has direct internet access (no fix: %s)", [r.address, no_fix_reason(r)]) if {
	no_fix_reason(r)
} else := sprintf("%s has direct internet access", [r.address])

bad(null) := true

bad(v) if {
	is_string(v)
	not v in ok_values
}

# SageMaker accepts "Disabled" only for a notebook in a subnet (CreateNotebookInstance rejects it
# without SubnetId): without one, the edit would fail at apply.
no_fix_reason(r) := "direct internet access can only be disabled for a notebook in a VPC subnet, and subnet_id is not set" if {
	tf.missing_attr(r, ["subnet_id"])
}

# Disabled, the notebook reaches the internet only through its subnet's routes (a NAT gateway). A
# subnet from a terraform-aws-modules/vpc call of this module that creates no NAT gateway
# (enable_nat_gateway, false by default) has none: package installs and every other outbound call
# would stop (held-out round 18: the Bedrock RAG sample's notebook, in a VPC without NAT or internet
# gateway, keeps direct access "to download dependencies").
else := sprintf("its subnet comes from %s, which creates no NAT gateway, %s", [m.address, cut_off]) if {
	some ref in r.references
	ref.path[0] == "subnet_id"
	some m in modules.vpcs
	tf.refers_to(ref.target, m.address)
	unknown.is_false(object.get(m.config, "enable_nat_gateway", false))
}

cut_off := "so without direct access the notebook would reach nothing outside the VPC"
