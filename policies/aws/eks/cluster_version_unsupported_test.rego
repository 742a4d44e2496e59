package palisade.aws.eks.cluster_version_unsupported_test

import data.palisade.aws.eks.cluster_version_unsupported as rule

cluster(config) := {"address": "aws_eks_cluster.c", "type": "aws_eks_cluster", "name": "c", "config": config, "references": []}

eks_call(config) := {"address": "module.eks", "source": "terraform-aws-modules/eks/aws", "config": config}

test_extended_support_version if {
	rule.deny == {{
		"msg": "aws_eks_cluster.c runs Kubernetes 1.33, out of EKS standard support (extended support, billed per cluster hour)",
		"resource": "aws_eks_cluster.c", "path": ["version"],
	}} with input as {"resources": [cluster({"name": "c", "version": "1.33"})]}
}

test_ended_version if {
	rule.deny == {{
		"msg": "aws_eks_cluster.c runs Kubernetes 1.31, past the end of EKS extended support: no more patches, and EKS upgrades it on its own",
		"resource": "aws_eks_cluster.c", "path": ["version"],
	}} with input as {"resources": [cluster({"name": "c", "version": "1.31"})]}
}

test_standard_support_versions_pass if {
	every v in ["1.34", "1.35", "1.36"] {
		count(rule.deny) == 0 with input as {"resources": [cluster({"name": "c", "version": v})]}
	}
}

test_unset_unknown_and_odd_values_pass if {
	count(rule.deny) == 0 with input as {"resources": [cluster({"name": "c"})]}
	count(rule.deny) == 0 with input as {"resources": [cluster({"name": "c", "version": {"$unknown": "var.v"}})]}
	count(rule.deny) == 0 with input as {"resources": [cluster({"name": "c", "version": "1.2x"})]}
	count(rule.deny) == 0 with input as {"resources": [cluster({"name": "c", "version": 1.3})]}
}

test_module_v20_cluster_version if {
	rule.deny == {{
		"msg": "module.eks runs Kubernetes 1.30, past the end of EKS extended support: no more patches, and EKS upgrades it on its own",
		"resource": "module.eks", "path": ["cluster_version"],
	}} with input as {"resources": [], "modules": [eks_call({"cluster_version": "1.30"})]}
}

test_module_v21_kubernetes_version if {
	count(rule.deny) == 1 with input as {"resources": [], "modules": [eks_call({"kubernetes_version": "1.32"})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [eks_call({"kubernetes_version": "1.34"})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [eks_call({})]}
}
