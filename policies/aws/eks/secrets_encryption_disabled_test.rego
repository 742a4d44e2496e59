package palisade.aws.eks.secrets_encryption_disabled_test

import data.palisade.aws.eks.secrets_encryption_disabled as rule

cluster(config) := {"address": "aws_eks_cluster.main", "type": "aws_eks_cluster", "name": "main", "config": object.union({"name": "main"}, config), "references": []}

test_missing_block_fires if {
	rule.deny == {{"msg": "aws_eks_cluster.main does not encrypt Kubernetes secrets with KMS", "resource": "aws_eks_cluster.main", "path": ["encryption_config"], "fix": [{"config": {"deletion_window_in_days": 30, "description": "Customer managed key for aws_eks_cluster.main", "enable_key_rotation": true}, "name": "main", "op": "add_resource", "type": "aws_kms_key"}, {"config": {"provider": [{"key_arn": {"$expr": "aws_kms_key.main.arn"}}], "resources": ["secrets"]}, "op": "add_block", "path": [], "type": "encryption_config"}]}} with input as {"resources": [cluster({})]}
}

test_block_without_secrets_fires if {
	findings := rule.deny with input as {"resources": [cluster({"encryption_config": [{"resources": []}]})]}
	some f in findings
	f.path == ["encryption_config", 0, "resources"]
	f.fix == [{"op": "set", "path": ["encryption_config", 0, "resources"], "value": ["secrets"]}]
}

test_secrets_encrypted_passes if {
	count(rule.deny) == 0 with input as {"resources": [cluster({"encryption_config": [{"resources": ["secrets"], "provider": [{"key_arn": "arn:aws:kms:x"}]}]})]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [cluster({"encryption_config": [{"resources": {"$unknown": "var.r"}}]})]}
	count(rule.deny) == 0 with input as {"resources": [cluster({"encryption_config": {"$unknown": "var.enc"}})]}
}

test_registry_module_without_secrets_encryption_fires if {
	old := {"address": "module.old", "name": "old", "source": "terraform-aws-modules/eks/aws", "version": "~> 18.0", "config": {}}
	emptied := {"address": "module.emptied", "name": "emptied", "source": "terraform-aws-modules/eks/aws", "version": "~> 20.0", "config": {"cluster_encryption_config": {}}}
	{[f.resource, f.path] | some f in rule.deny} == {["module.old", []], ["module.emptied", ["cluster_encryption_config"]]} with input as {"resources": [], "modules": [old, emptied]}
}

test_registry_module_default_encryption_passes if {
	v21 := {"address": "module.a", "name": "a", "source": "terraform-aws-modules/eks/aws", "version": "~> 21.0", "config": {"encryption_config": {}}}
	v19 := {"address": "module.b", "name": "b", "source": "terraform-aws-modules/eks/aws", "version": "19.21.0", "config": {}}
	v18 := {"address": "module.c", "name": "c", "source": "terraform-aws-modules/eks/aws", "version": "~> 18.0", "config": {"cluster_encryption_config": [{"resources": ["secrets"], "provider_key_arn": "arn:aws:kms:us-east-1:111122223333:key/x"}]}}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [v21, v19, v18]}
}
