package palisade.aws.eks.public_endpoint_enabled_test

import data.palisade.aws.eks.public_endpoint_enabled as rule

test_fires_on_true if {
	rule.warn == {{"msg": "aws_eks_cluster.main has a public API server endpoint", "resource": "aws_eks_cluster.main", "path": ["vpc_config", 0, "endpoint_public_access"], "fix": [{"op": "set", "path": ["vpc_config", 0, "endpoint_public_access"], "value": false}, {"op": "set", "path": ["vpc_config", 0, "endpoint_private_access"], "value": true}]}} with input as {"resources": [{"address": "aws_eks_cluster.main", "type": "aws_eks_cluster", "name": "main", "config": {"vpc_config": [{"endpoint_public_access": true, "public_access_cidrs": ["203.0.113.0/24"]}]}, "references": []}]}
}

test_fires_on_default if {
	rule.warn == {{"msg": "aws_eks_cluster.main has a public API server endpoint", "resource": "aws_eks_cluster.main", "path": ["vpc_config", 0, "endpoint_public_access"], "fix": [{"op": "set", "path": ["vpc_config", 0, "endpoint_public_access"], "value": false}, {"op": "set", "path": ["vpc_config", 0, "endpoint_private_access"], "value": true}]}} with input as {"resources": [{"address": "aws_eks_cluster.main", "type": "aws_eks_cluster", "name": "main", "config": {"vpc_config": [{"subnet_ids": ["subnet-1"]}]}, "references": []}]}
}

test_passes_on_private if {
	count(rule.warn) == 0 with input as {"resources": [{"address": "aws_eks_cluster.main", "type": "aws_eks_cluster", "name": "main", "config": {"vpc_config": [{"endpoint_public_access": false, "endpoint_private_access": true}]}, "references": []}]}
}

test_unknown_does_not_fire if {
	count(rule.warn) == 0 with input as {"resources": [{"address": "aws_eks_cluster.main", "type": "aws_eks_cluster", "name": "main", "config": {"vpc_config": [{"endpoint_public_access": {"$unknown": "var.x"}}]}, "references": []}]}
}

test_registry_module_public_endpoint_warns if {
	m := {"address": "module.eks", "name": "eks", "source": "terraform-aws-modules/eks/aws", "version": "~> 21.0", "config": {"endpoint_public_access": true}}
	{[f.resource, f.path] | some f in rule.warn} == {["module.eks", ["endpoint_public_access"]]} with input as {"resources": [], "modules": [m]}
	old := {"address": "module.old", "name": "old", "source": "terraform-aws-modules/eks/aws", "version": "18.31.2", "config": {}}
	{[f.resource, f.path] | some f in rule.warn} == {["module.old", []]} with input as {"resources": [], "modules": [old]}
	new := {"address": "module.new", "name": "new", "source": "terraform-aws-modules/eks/aws", "config": {}}
	count(rule.warn) == 0 with input as {"resources": [], "modules": [new]}
}

# Held-out s17/h10 (AWS provider eks-getting-started example): a Helm or Kubernetes resource is
# applied through the endpoint, so the finding stays without a fix.
test_no_fix_when_kubernetes_objects_are_managed_here if {
	cluster := {"address": "aws_eks_cluster.main", "type": "aws_eks_cluster", "name": "main", "config": {"vpc_config": [{"subnet_ids": ["subnet-1"]}]}, "references": []}
	release := {"address": "helm_release.ingress", "type": "helm_release", "name": "ingress", "config": {}, "references": []}
	rule.warn == {{"msg": "aws_eks_cluster.main has a public API server endpoint (Kubernetes objects here are applied through it: narrow the public access CIDRs instead)", "resource": "aws_eks_cluster.main", "path": ["vpc_config", 0, "endpoint_public_access"]}} with input as {"resources": [cluster, release]}
}
