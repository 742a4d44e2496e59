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
#   Judged by the clock against the EKS release calendar (see calendar below).
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
# on EKS", read at awsdocs/amazon-eks-user-guide@0138560): minor version → end of standard support
# and end of extended support (UTC). The rule reads the clock, so a version moves from quiet to
# extended support to ended on AWS's dates without an edit. Versions older than the table ended
# before 1.29 did; newer ones are in standard support. Add each new version as AWS dates it.
calendar := {
	29: {"standard": "2025-03-23T00:00:00Z", "extended": "2026-03-23T00:00:00Z"},
	30: {"standard": "2025-07-23T00:00:00Z", "extended": "2026-07-23T00:00:00Z"},
	31: {"standard": "2025-11-26T00:00:00Z", "extended": "2026-11-26T00:00:00Z"},
	32: {"standard": "2026-03-23T00:00:00Z", "extended": "2027-03-23T00:00:00Z"},
	33: {"standard": "2026-07-29T00:00:00Z", "extended": "2027-07-29T00:00:00Z"},
	34: {"standard": "2026-12-02T00:00:00Z", "extended": "2027-12-02T00:00:00Z"},
	# 1.35 (EKS release 2026-01-27) is newer than the stored copy of the page; its row as AWS's
	# table gives it, read in three copies that agree (session 23 review, docs/accuracy.md).
	35: {"standard": "2027-03-27T00:00:00Z", "extended": "2028-03-27T00:00:00Z"},
}

oldest_in_calendar := min(object.keys(calendar))

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

# old_minor(v): the minor number of a literal "1.N" version past EKS standard support today.
old_minor(v) := minor if {
	is_string(v)
	parts := regex.find_all_string_submatch_n(`^1\.([0-9]+)$`, trim_space(v), 1)
	count(parts) == 1
	minor := to_number(parts[0][1])
	past_standard(minor)
}

past_standard(minor) if minor < oldest_in_calendar

past_standard(minor) if time.now_ns() >= time.parse_rfc3339_ns(calendar[minor].standard)

ended(minor) if minor < oldest_in_calendar

ended(minor) if time.now_ns() >= time.parse_rfc3339_ns(calendar[minor].extended)

msg(address, v, minor) := sprintf("%s runs Kubernetes %s, %s", [address, v, status(minor)])

status(minor) := "past the end of EKS extended support: no more patches, and EKS upgrades it on its own" if ended(minor)

else := "out of EKS standard support (extended support, billed per cluster hour)"
