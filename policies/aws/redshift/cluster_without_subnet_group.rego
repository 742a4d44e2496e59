# METADATA
# title: Redshift cluster is not placed in a cluster subnet group
# description: |
#   A Redshift cluster without cluster_subnet_group_name is launched in the default VPC's default
#   subnets (or, on old accounts, EC2-Classic) rather than in private subnets chosen for it, so its
#   exposure is whatever the default network allows.
# related_resources:
#   - ref: https://docs.aws.amazon.com/redshift/latest/mgmt/working-with-cluster-subnet-groups.html
# custom:
#   id: PAL-AWS-REDSHIFT-003
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_redshift_cluster]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_154
#     kics: 0a494a6a-ebe2-48a0-9d77-cf9d5125e1b3
#     trivy: AVD-AWS-0127
#   cwe: ["CWE-668"]
#   remediation: Set cluster_subnet_group_name to an aws_redshift_subnet_group in private subnets.
#   fixable: false
package palisade.aws.redshift.cluster_without_subnet_group

import data.palisade.lib.result
import data.palisade.lib.tf

deny contains result.fail(r, ["cluster_subnet_group_name"], msg) if {
	some r in tf.resources("aws_redshift_cluster")
	tf.missing_attr(r, ["cluster_subnet_group_name"])
	msg := sprintf("%s has no cluster_subnet_group_name, so it runs in the default network", [r.address])
}
