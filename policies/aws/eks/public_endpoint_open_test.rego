package palisade.aws.eks.public_endpoint_open_test

import data.palisade.aws.eks.public_endpoint_open as rule

cluster(vpc) := {"address": "aws_eks_cluster.main", "type": "aws_eks_cluster", "name": "main", "config": {"name": "main", "vpc_config": [object.union({"subnet_ids": ["s-1"]}, vpc)]}, "references": []}

test_default_public_endpoint_fires if {
	rule.deny == {{"msg": "aws_eks_cluster.main exposes its API server endpoint to the internet", "resource": "aws_eks_cluster.main", "path": ["vpc_config", 0, "public_access_cidrs"], "fix": [{"op": "set", "path": ["vpc_config", 0, "endpoint_public_access"], "value": false}, {"op": "set", "path": ["vpc_config", 0, "endpoint_private_access"], "value": true}]}} with input as {"resources": [cluster({})]}
}

test_open_cidr_fires if {
	findings := rule.deny with input as {"resources": [cluster({"endpoint_public_access": true, "public_access_cidrs": ["0.0.0.0/0"]})]}
	some f in findings
	f.path == ["vpc_config", 0, "public_access_cidrs", 0]
}

test_private_or_restricted_passes if {
	count(rule.deny) == 0 with input as {"resources": [cluster({"endpoint_public_access": false, "endpoint_private_access": true})]}
	count(rule.deny) == 0 with input as {"resources": [cluster({"public_access_cidrs": ["203.0.113.0/24"]})]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [cluster({"endpoint_public_access": {"$unknown": "var.public"}})]}
	count(rule.deny) == 0 with input as {"resources": [cluster({"public_access_cidrs": {"$unknown": "var.cidrs"}})]}
}

test_empty_cidr_list_is_the_default_and_fires if {
	rule.deny == {{"msg": "aws_eks_cluster.main exposes its API server endpoint to the internet", "resource": "aws_eks_cluster.main", "path": ["vpc_config", 0, "public_access_cidrs"], "fix": [{"op": "set", "path": ["vpc_config", 0, "endpoint_public_access"], "value": false}, {"op": "set", "path": ["vpc_config", 0, "endpoint_private_access"], "value": true}]}} with input as {"resources": [cluster({"public_access_cidrs": []})]}
}

eks_module(version, config) := {"address": "module.eks", "name": "eks", "source": "terraform-aws-modules/eks/aws", "version": version, "config": config}

test_registry_module_public_endpoint_fires if {
	# v21 names, public endpoint with the default CIDRs: on the argument that makes it public.
	{f.path | some f in rule.deny} == {["endpoint_public_access"]} with input as {"resources": [], "modules": [eks_module("~> 21.0", {"endpoint_public_access": true})]}

	# Before v19 the endpoint is public by default: on the call.
	{f.path | some f in rule.deny} == {[]} with input as {"resources": [], "modules": [eks_module("~> 18.0", {"cluster_name": "x"})]}

	# An open CIDR given: on that CIDR.
	{f.path | some f in rule.deny} == {["cluster_endpoint_public_access_cidrs", 1]} with input as {"resources": [], "modules": [eks_module("20.8.4", {"cluster_endpoint_public_access": true, "cluster_endpoint_public_access_cidrs": ["203.0.113.0/24", "0.0.0.0/0"]})]}
}

test_registry_module_private_or_restricted_passes if {
	count(rule.deny) == 0 with input as {"resources": [], "modules": [eks_module("~> 21.0", {"name": "x"})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [eks_module("~> 20.0", {"cluster_endpoint_public_access": true, "cluster_endpoint_public_access_cidrs": ["203.0.113.0/24"]})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [eks_module("~> 18.0", {"cluster_endpoint_public_access": false})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [eks_module("~> 21.0", {"endpoint_public_access": {"$unknown": "var.public"}})]}
}

# Held-out s17/h10 (AWS provider eks-getting-started example): the configuration applies a
# Kubernetes object through the endpoint, so the finding stays without a fix.
test_no_fix_when_kubernetes_objects_are_managed_here if {
	manifest := {"address": "k8s_manifest.awsauth", "type": "k8s_manifest", "name": "awsauth", "config": {}, "references": []}
	rule.deny == {{"msg": "aws_eks_cluster.main exposes its API server endpoint to the internet (Kubernetes objects here are applied through it: narrow the public access CIDRs instead)", "resource": "aws_eks_cluster.main", "path": ["vpc_config", 0, "public_access_cidrs"]}} with input as {"resources": [cluster({}), manifest]}
}
