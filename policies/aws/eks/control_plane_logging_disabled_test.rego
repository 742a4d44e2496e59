package palisade.aws.eks.control_plane_logging_disabled_test

import data.palisade.aws.eks.control_plane_logging_disabled as rule

test_missing_fires if {
	rule.deny == {{"msg": "aws_eks_cluster.this does not send control plane logs to CloudWatch", "resource": "aws_eks_cluster.this", "path": ["enabled_cluster_log_types"], "fix": [{"op": "set", "path": ["enabled_cluster_log_types"], "value": ["api", "audit", "authenticator", "controllerManager", "scheduler"]}]}} with input as {"resources": [{"address": "aws_eks_cluster.this", "type": "aws_eks_cluster", "name": "this", "config": {}, "references": []}]}
}

test_present_passes if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_eks_cluster.this", "type": "aws_eks_cluster", "name": "this", "config": {"enabled_cluster_log_types": ["api", "audit", "authenticator", "controllerManager", "scheduler"]}, "references": []}]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_eks_cluster.this", "type": "aws_eks_cluster", "name": "this", "config": {"enabled_cluster_log_types": {"$unknown": "var.x"}}, "references": []}]}
}

test_incomplete_log_types_fire if {
	rule.deny == {{"msg": "aws_eks_cluster.main does not send all control plane log types to CloudWatch (missing: authenticator, controllerManager, scheduler)", "resource": "aws_eks_cluster.main", "path": ["enabled_cluster_log_types"], "fix": [{"op": "set", "path": ["enabled_cluster_log_types"], "value": ["api", "audit", "authenticator", "controllerManager", "scheduler"]}]}} with input as {"resources": [{"address": "aws_eks_cluster.main", "type": "aws_eks_cluster", "name": "main", "config": {"enabled_cluster_log_types": ["api", "audit"]}, "references": []}]}
}

test_all_log_types_pass if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_eks_cluster.main", "type": "aws_eks_cluster", "name": "main", "config": {"enabled_cluster_log_types": ["api", "audit", "authenticator", "controllerManager", "scheduler"]}, "references": []}]}
}

test_unknown_log_type_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_eks_cluster.main", "type": "aws_eks_cluster", "name": "main", "config": {"enabled_cluster_log_types": ["api", {"$unknown": "var.t"}]}, "references": []}]}
}
