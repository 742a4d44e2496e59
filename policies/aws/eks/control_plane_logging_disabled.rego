# METADATA
# title: EKS control plane logging is not enabled
# description: |
#   Without enabled_cluster_log_types the Kubernetes API server, audit and authenticator logs are
#   not sent to CloudWatch, so nobody can tell who did what in the cluster.
# related_resources:
#   - ref: https://docs.aws.amazon.com/eks/latest/userguide/control-plane-logs.html
# custom:
#   id: PAL-AWS-EKS-003
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_eks_cluster]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_37
#     kics: 37304d3f-f852-40b8-ae3f-725e87a7cedf
#   remediation: Set enabled_cluster_log_types = ["api", "audit", "authenticator"] (at least audit).
#   fixable: false
package palisade.aws.eks.control_plane_logging_disabled

import data.palisade.lib.result
import data.palisade.lib.tf

types := {"aws_eks_cluster"}

deny contains result.fail(r, ["enabled_cluster_log_types"], msg) if {
	some r in input.resources
	r.type in types
	tf.missing_attr(r, ["enabled_cluster_log_types"])
	msg := sprintf("%s does not send control plane logs to CloudWatch", [r.address])
}
