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
#     kics: [37304d3f-f852-40b8-ae3f-725e87a7cedf, 66f130d9-b81d-4e8e-9b08-da74b9c891df]
#   cwe: ["CWE-778"]
#   remediation: Set enabled_cluster_log_types = ["api", "audit", "authenticator"] (at least audit).
#   fixable: true
package palisade.aws.eks.control_plane_logging_disabled

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

types := {"aws_eks_cluster"}

all_log_types := {"api", "audit", "authenticator", "controllerManager", "scheduler"}

deny contains result.fail_fix(r, ["enabled_cluster_log_types"], msg, [all_types_fix]) if {
	some r in input.resources
	r.type in types
	tf.missing_attr(r, ["enabled_cluster_log_types"])
	msg := sprintf("%s does not send control plane logs to CloudWatch", [r.address])
}

# Every known list must name all five types: audit and authenticator logs are what an
# investigation of cluster access needs, and they are the ones most often left out.
deny contains result.fail_fix(r, ["enabled_cluster_log_types"], msg, [all_types_fix]) if {
	some r in input.resources
	r.type in types
	enabled := r.config.enabled_cluster_log_types
	is_array(enabled)
	every t in enabled {
		unknown.known(t)
	}
	missing := all_log_types - {t | some t in enabled}
	count(missing) > 0
	msg := sprintf("%s does not send all control plane log types to CloudWatch (missing: %s)", [r.address, concat(", ", sort(missing))])
}

# The fix enables every log type, in the order AWS documents them.
all_types_fix := result.set(["enabled_cluster_log_types"], ["api", "audit", "authenticator", "controllerManager", "scheduler"])
