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
#   resource_types: [aws_eks_cluster, "module:terraform-aws-modules/eks/aws"]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_37
#     trivy: AVD-AWS-0038
#     kics: [37304d3f-f852-40b8-ae3f-725e87a7cedf, 66f130d9-b81d-4e8e-9b08-da74b9c891df]
#   cwe: ["CWE-778"]
#   remediation: >-
#     Set enabled_cluster_log_types = ["api", "audit", "authenticator", "controllerManager",
#     "scheduler"]: the rule asks for all five, as its fix sets them.
#   fixable: true
package palisade.aws.eks.control_plane_logging_disabled

import data.palisade.lib.modules
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
# Opaque terraform-aws-modules/eks calls: the log types are `enabled_log_types` from v21,
# `cluster_enabled_log_types` before; the module enables audit, api and authenticator by default
# (v18 on; none before). The finding is on the argument, or on the call when it is left out.
deny contains result.fail_fix(m, log_types.path, msg, [result.set([argument_name(m, log_types)], sort(all_log_types))]) if {
	some m in modules.opaque_calls("eks")
	log_types := modules.argument(m, ["enabled_log_types", "cluster_enabled_log_types"], module_default_log_types(m))
	enabled := log_types.value
	is_array(enabled)
	every t in enabled {
		unknown.known(t)
	}
	missing := all_log_types - {t | some t in enabled}
	count(missing) > 0
	msg := module_message(m, enabled, missing)
}

all_types_fix := result.set(["enabled_cluster_log_types"], ["api", "audit", "authenticator", "controllerManager", "scheduler"])

module_default_log_types(m) := [] if modules.pinned_below(m, 18)

else := ["audit", "api", "authenticator"]

# The argument the fix sets: the one the call already has, else the name of its major version.
argument_name(_, log_types) := log_types.path[0] if count(log_types.path) > 0

argument_name(m, log_types) := version_argument_name(m) if count(log_types.path) == 0

version_argument_name(m) := "cluster_enabled_log_types" if modules.pinned_below(m, 21)

else := "enabled_log_types"

module_message(m, enabled, _) := sprintf("%s does not send control plane logs to CloudWatch", [m.address]) if count(enabled) == 0

module_message(m, enabled, missing) := msg if {
	count(enabled) > 0
	msg := sprintf("%s does not send all control plane log types to CloudWatch (missing: %s)", [m.address, concat(", ", sort(missing))])
}
