package palisade.aws.eks.cluster_version_unsupported_test

import data.palisade.aws.eks.cluster_version_unsupported as rule

cluster(config) := {"address": "aws_eks_cluster.c", "type": "aws_eks_cluster", "name": "c", "config": config, "references": []}

# The session that wrote the rule: 1.34 still in standard support, 1.31 just past extended support.
dec_1_2026 := time.parse_rfc3339_ns("2026-12-01T12:00:00Z")

eks_call(config) := {"address": "module.eks", "source": "terraform-aws-modules/eks/aws", "config": config}

test_extended_support_version if {
	rule.deny == {{
		"msg": "aws_eks_cluster.c runs Kubernetes 1.33, out of EKS standard support (extended support, billed per cluster hour)",
		"resource": "aws_eks_cluster.c", "path": ["version"],
	}} with input as {"resources": [cluster({"name": "c", "version": "1.33"})]} with time.now_ns as dec_1_2026
}

test_ended_version if {
	rule.deny == {{
		"msg": "aws_eks_cluster.c runs Kubernetes 1.31, past the end of EKS extended support: no more patches, and EKS upgrades it on its own",
		"resource": "aws_eks_cluster.c", "path": ["version"],
	}} with input as {"resources": [cluster({"name": "c", "version": "1.31"})]} with time.now_ns as dec_1_2026
}

test_standard_support_versions_pass if {
	every v in ["1.34", "1.35", "1.36"] {
		count(rule.deny) == 0 with input as {"resources": [cluster({"name": "c", "version": v})]} with time.now_ns as dec_1_2026
	}
}

test_unset_unknown_and_odd_values_pass if {
	count(rule.deny) == 0 with input as {"resources": [cluster({"name": "c"})]} with time.now_ns as dec_1_2026
	count(rule.deny) == 0 with input as {"resources": [cluster({"name": "c", "version": {"$unknown": "var.v"}})]} with time.now_ns as dec_1_2026
	count(rule.deny) == 0 with input as {"resources": [cluster({"name": "c", "version": "1.2x"})]} with time.now_ns as dec_1_2026
	count(rule.deny) == 0 with input as {"resources": [cluster({"name": "c", "version": 1.3})]} with time.now_ns as dec_1_2026
}

test_module_v20_cluster_version if {
	rule.deny == {{
		"msg": "module.eks runs Kubernetes 1.30, past the end of EKS extended support: no more patches, and EKS upgrades it on its own",
		"resource": "module.eks", "path": ["cluster_version"],
	}} with input as {"resources": [], "modules": [eks_call({"cluster_version": "1.30"})]} with time.now_ns as dec_1_2026
}

test_module_v21_kubernetes_version if {
	count(rule.deny) == 1 with input as {"resources": [], "modules": [eks_call({"kubernetes_version": "1.32"})]} with time.now_ns as dec_1_2026
	count(rule.deny) == 0 with input as {"resources": [], "modules": [eks_call({"kubernetes_version": "1.34"})]} with time.now_ns as dec_1_2026
	count(rule.deny) == 0 with input as {"resources": [], "modules": [eks_call({})]} with time.now_ns as dec_1_2026
}

test_the_clock_moves_a_version_on_aws_dates if {
	v134 := {"resources": [cluster({"name": "c", "version": "1.34"})]}
	count(rule.deny) == 0 with input as v134 with time.now_ns as time.parse_rfc3339_ns("2026-12-01T23:59:59Z")
	rule.deny == {{
		"msg": "aws_eks_cluster.c runs Kubernetes 1.34, out of EKS standard support (extended support, billed per cluster hour)",
		"resource": "aws_eks_cluster.c", "path": ["version"],
	}} with input as v134 with time.now_ns as time.parse_rfc3339_ns("2026-12-02T00:00:00Z")
	rule.deny == {{
		"msg": "aws_eks_cluster.c runs Kubernetes 1.34, past the end of EKS extended support: no more patches, and EKS upgrades it on its own",
		"resource": "aws_eks_cluster.c", "path": ["version"],
	}} with input as v134 with time.now_ns as time.parse_rfc3339_ns("2027-12-02T00:00:00Z")
}

test_versions_older_than_the_calendar_have_ended if {
	rule.deny == {{
		"msg": "aws_eks_cluster.c runs Kubernetes 1.24, past the end of EKS extended support: no more patches, and EKS upgrades it on its own",
		"resource": "aws_eks_cluster.c", "path": ["version"],
	}} with input as {"resources": [cluster({"name": "c", "version": "1.24"})]} with time.now_ns as dec_1_2026
}

# Session 23 review (R1): 1.35 (EKS release 2026-01-27/28) is dated by AWS: standard support to
# 2027-03-27, extended to 2028-03-27. Without its row it would read as in standard support forever.
test_135_leaves_standard_support_on_2027_03_27 if {
	v135 := {"resources": [cluster({"name": "c", "version": "1.35"})]}
	count(rule.deny) == 0 with input as v135 with time.now_ns as time.parse_rfc3339_ns("2027-03-26T23:59:59Z")
	count(rule.deny) == 1 with input as v135 with time.now_ns as time.parse_rfc3339_ns("2027-03-27T00:00:00Z")
	rule.deny == {{
		"msg": "aws_eks_cluster.c runs Kubernetes 1.35, past the end of EKS extended support: no more patches, and EKS upgrades it on its own",
		"resource": "aws_eks_cluster.c", "path": ["version"],
	}} with input as v135 with time.now_ns as time.parse_rfc3339_ns("2028-03-27T00:00:00Z")
}
