# METADATA
# title: EKS cluster deletion protection is not enabled
# description: |
#   Without deletion_protection = true (the provider and the EKS API default to false) a single
#   DeleteCluster call, a terraform destroy or a replacement forced by a changed immutable argument
#   (name, role_arn, …) removes the control plane and etcd with every Kubernetes object in
#   it; the workloads' state cannot be restored from AWS. With protection on, EKS rejects
#   DeleteCluster until UpdateClusterConfig turns it off again, which also takes a separate
#   permission. It guards availability, not confidentiality, hence the low severity; the pack asks
#   for the same on RDS, DocumentDB, Neptune, DynamoDB, load balancers and Cognito user pools.
# related_resources:
#   - ref: https://docs.aws.amazon.com/eks/latest/userguide/deletion-protection.html
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/eks_cluster#deletion_protection
# custom:
#   id: PAL-AWS-EKS-006
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_eks_cluster]
#   frameworks: {}
#   cwe: ["CWE-693"]
#   remediation: Set deletion_protection = true (AWS provider v6.9.0 or later).
#   fixable: true
package palisade.aws.eks.deletion_protection_disabled

import data.palisade.lib.fixes
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

path := ["deletion_protection"]

deny contains fixes.finding(r, path, msg, resource_fix) if {
	some r in tf.resources("aws_eks_cluster")
	unknown.is_false(object.get(r.config, "deletion_protection", false))
	msg := sprintf("%s does not set deletion_protection = true", [r.address])
}

# The argument came with AWS provider v6.9.0 (August 2025): a configuration that pins the provider
# below it cannot set it (terraform would reject the argument), so the cluster is reported without
# a fix.
resource_fix := [] if tf.provider_below_version("aws", 6, 9)

resource_fix := [result.set(path, true)] if not tf.provider_below_version("aws", 6, 9)
