# METADATA
# title: EKS cluster runs a Kubernetes version out of standard support
# description: |
#   Amazon EKS gives each Kubernetes minor version 14 months of standard support, then 12 months of
#   extended support at an extra charge per cluster hour, after which the control plane is upgraded
#   automatically. Upstream Kubernetes stops CVE fixes and discourages CVE reports for old
#   versions well before that, so a version past standard support depends on what AWS backports,
#   and one past extended support gets nothing and is upgraded when EKS decides. Reported: an
#   aws_eks_cluster whose version, or a terraform-aws-modules/eks call whose kubernetes_version
#   (v21) or cluster_version (before), is a literal "1.N" older than the oldest version in standard
#   support. An unset version (EKS's default, a current one) or one from a variable is not judged.
#   The threshold is a date-bound constant: see oldest_standard below.
# related_resources:
#   - ref: https://docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html#kubernetes-release-calendar
#   - ref: https://docs.aws.amazon.com/eks/latest/userguide/update-cluster.html
#   - ref: https://docs.aws.amazon.com/config/latest/developerguide/eks-cluster-supported-version.html
# custom:
#   id: PAL-AWS-EKS-007
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_eks_cluster, "module:terraform-aws-modules/eks/aws"]
#   frameworks: {}
#   references: {}
#   cwe: ["CWE-1104"]
#   remediation: Upgrade the cluster one minor version at a time (checking removed APIs and add-ons) to a version in EKS standard support.
#   fixable: false
package palisade.aws.eks.cluster_version_unsupported

# Session 22's CKV_AWS_339 gap. Checkov's check is an allow-list of versions hard-coded in the
# check (extended-support versions pass, versions newer than the list fail), so its id is not cited.
# No fix: EKS upgrades one minor version per update, and each may remove APIs the workloads use.

import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.tf

# The EKS Kubernetes release calendar (EKS User Guide, "Understand the Kubernetes version lifecycle
# on EKS", read at awsdocs/amazon-eks-user-guide@0138560): 1.33 left standard support on
# 2026-07-29 and 1.34 leaves it on 2026-12-02. On 2026-12-01 the oldest version in standard
# support is 1.34: move this to 35 on 2026-12-02, and on from there by the calendar.
oldest_standard := 34

# The last version whose extended support has ended (1.31, 2026-11-26 by the same calendar).
last_ended := 31

deny contains result.fail(r, ["version"], msg(r.address, v, minor)) if {
	some r in tf.resources("aws_eks_cluster")
	v := tf.attr(r, ["version"])
	minor := old_minor(v)
}

deny contains result.fail(m, version.path, msg(m.address, version.value, minor)) if {
	some m in modules.opaque_calls("eks")
	version := modules.argument(m, ["kubernetes_version", "cluster_version"], null)
	minor := old_minor(version.value)
}

# old_minor(v): the minor number of a literal "1.N" version below the oldest in standard support.
old_minor(v) := minor if {
	is_string(v)
	parts := regex.find_all_string_submatch_n(`^1\.([0-9]+)$`, trim_space(v), 1)
	count(parts) == 1
	minor := to_number(parts[0][1])
	minor < oldest_standard
}

msg(address, v, minor) := sprintf("%s runs Kubernetes %s, %s", [address, v, status(minor)])

status(minor) := "past the end of EKS extended support: no more patches, and EKS upgrades it on its own" if minor <= last_ended

else := "out of EKS standard support (extended support, billed per cluster hour)"
