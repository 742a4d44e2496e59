# METADATA
# title: EMR cluster is not launched in a VPC subnet
# description: |
#   A cluster without a subnet runs in EC2-Classic or the default VPC's public subnets, outside the
#   network controls (private subnets, security groups, flow logs, endpoints) that a dedicated VPC
#   provides.
# related_resources:
#   - ref: https://docs.aws.amazon.com/emr/latest/ManagementGuide/emr-plan-vpc-subnet.html
# custom:
#   id: PAL-AWS-EMR-001
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_emr_cluster]
#   references:
#     kics: 2b3c8a6d-9856-43e6-ab1d-d651094f03b4
#   cwe: ["CWE-668"]
#   remediation: Set ec2_attributes { subnet_id = ... } to a private subnet.
#   fixable: false
package palisade.aws.emr.cluster_without_vpc

import data.palisade.lib.result
import data.palisade.lib.tf

deny contains result.fail(r, [], msg) if {
	some r in tf.resources("aws_emr_cluster")
	not has_subnet(r)
	msg := sprintf("%s is not launched into a VPC subnet", [r.address])
}

has_subnet(r) if tf.has_attr(r, ["subnet_id"])

has_subnet(r) if {
	some b in tf.blocks(r, "ec2_attributes")
	some key in ["subnet_id", "subnet_ids"]
	object.get(b, key, null) != null
}

# An unknown ec2_attributes block may hold the subnet.
has_subnet(r) if {
	tf.has_attr(r, ["ec2_attributes"])
	count(tf.blocks(r, "ec2_attributes")) == 0
}
