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
