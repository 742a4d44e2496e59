package palisade.aws.eks.deletion_protection_disabled_test

import data.palisade.aws.eks.deletion_protection_disabled as rule

cluster(config) := {"resources": [{"address": "aws_eks_cluster.main", "type": "aws_eks_cluster", "name": "main", "config": object.union({"name": "main", "role_arn": "arn:aws:iam::111122223333:role/eks"}, config), "references": []}]}

test_unset_is_reported_with_fix if {
	rule.deny == {{"msg": "aws_eks_cluster.main does not set deletion_protection = true", "resource": "aws_eks_cluster.main", "path": ["deletion_protection"], "fix": [{"op": "set", "path": ["deletion_protection"], "value": true}]}} with input as cluster({})
}

test_false_is_reported if {
	count(rule.deny) == 1 with input as cluster({"deletion_protection": false})
}

test_true_and_unknown_pass if {
	count(rule.deny) == 0 with input as cluster({"deletion_protection": true})
	count(rule.deny) == 0 with input as cluster({"deletion_protection": {"$unknown": "var.deletion_protection"}})
}

# A unit pinned below v6.9.0 cannot set the argument: no fix. One that admits v6.9 keeps it.
test_old_provider_gets_no_fix if {
	rule.deny == {{"msg": "aws_eks_cluster.main does not set deletion_protection = true", "resource": "aws_eks_cluster.main", "path": ["deletion_protection"]}} with input as object.union(cluster({}), {"required_providers": {"aws": ["~> 5.0"]}})
	rule.deny == {{"msg": "aws_eks_cluster.main does not set deletion_protection = true", "resource": "aws_eks_cluster.main", "path": ["deletion_protection"]}} with input as object.union(cluster({}), {"required_providers": {"aws": ["~> 6.8.0"]}})
	count([f | some f in rule.deny; f.fix]) == 1 with input as object.union(cluster({}), {"required_providers": {"aws": [">= 6.9"]}})
	count([f | some f in rule.deny; f.fix]) == 1 with input as object.union(cluster({}), {"required_providers": {"aws": ["~> 6.0"]}})
}
