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

eks_call(version, config) := {"address": "module.eks", "name": "eks", "source": "terraform-aws-modules/eks/aws", "version": version, "config": config}

test_registry_module_defaults_fire_on_the_call if {
	# v18 and later enable audit, api and authenticator unless told otherwise; the fix names the argument of the call's major version.
	rule.deny == {{
		"msg": "module.eks does not send all control plane log types to CloudWatch (missing: controllerManager, scheduler)",
		"resource": "module.eks", "path": [],
		"fix": [{"op": "set", "path": ["enabled_log_types"], "value": ["api", "audit", "authenticator", "controllerManager", "scheduler"]}],
	}} with input as {"resources": [], "modules": [eks_call(null, {})]}
	{[f.path, f.fix[0].path] | some f in rule.deny} == {[[], ["cluster_enabled_log_types"]]} with input as {"resources": [], "modules": [eks_call("~> 20.0", {})]}
	{f.msg | some f in rule.deny} == {"module.eks does not send control plane logs to CloudWatch"} with input as {"resources": [], "modules": [eks_call("17.24.0", {})]}
}

test_registry_module_argument_is_judged if {
	{[f.path, f.fix[0].path] | some f in rule.deny} == {[["cluster_enabled_log_types"], ["cluster_enabled_log_types"]]} with input as {"resources": [], "modules": [eks_call("~> 20.0", {"cluster_enabled_log_types": ["api"]})]}
	all_types := {"enabled_log_types": ["api", "audit", "authenticator", "controllerManager", "scheduler"]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [eks_call("~> 21.0", all_types)]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [eks_call("~> 21.0", {"enabled_log_types": {"$unknown": "var.types"}})]}
}
