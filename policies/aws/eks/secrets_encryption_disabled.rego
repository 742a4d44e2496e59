# METADATA
# title: EKS cluster does not encrypt Kubernetes secrets with KMS
# description: |
#   Without an encryption_config for "secrets", Kubernetes Secrets are stored in etcd protected
#   only by EBS volume encryption. Envelope encryption with a KMS key adds a layer that requires
#   kms:Decrypt, limiting who can read secrets from etcd backups or snapshots. Opaque
#   terraform-aws-modules/eks calls are checked through their arguments (v19 and later encrypt
#   secrets by default).
# related_resources:
#   - ref: https://docs.aws.amazon.com/eks/latest/userguide/enable-kms.html
# custom:
#   id: PAL-AWS-EKS-002
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_eks_cluster, "module:terraform-aws-modules/eks/aws"]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_58
#     trivy: AVD-AWS-0039
#     kics: 63ebcb19-2739-4d3f-aa5c-e8bbb9b85281
#   cwe: ["CWE-311"]
#   remediation: Add an encryption_config block with resources = ["secrets"] and a KMS key.
#   fixable: true
package palisade.aws.eks.secrets_encryption_disabled

import data.palisade.lib.fixes
import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

deny contains fixes.finding(r, ["encryption_config"], msg, secrets_fix(r)) if {
	some r in tf.resources("aws_eks_cluster")
	tf.missing_attr(r, ["encryption_config"])
	msg := sprintf("%s does not encrypt Kubernetes secrets with KMS", [r.address])
}

# Blocks exist but none covers "secrets" (all known). The provider allows one block, and
# "secrets" is the only value `resources` takes, so the fix names it and keeps the block's key.
deny contains result.fail_fix(r, ["encryption_config", 0, "resources"], msg, [result.set(["encryption_config", 0, "resources"], ["secrets"])]) if {
	some r in tf.resources("aws_eks_cluster")
	blocks := tf.blocks(r, "encryption_config")
	count(blocks) > 0
	every b in blocks {
		unknown.known(b.resources)
		not "secrets" in unknown.items(b.resources)
	}
	msg := sprintf("%s does not encrypt Kubernetes secrets with KMS", [r.address])
}

# terraform-aws-modules/eks before v19: no encryption unless `cluster_encryption_config` is given.
deny contains result.fail(m, [], msg) if {
	some m in modules.opaque_calls("eks")
	modules.pinned_below(m, 19)
	object.get(m.config, "cluster_encryption_config", null) == null
	msg := sprintf("%s does not encrypt Kubernetes secrets with KMS", [m.address])
}

# Any version: the configuration emptied (`[]`; `{}` for v19–v20's `cluster_encryption_config`,
# while v21's `encryption_config = {}` keeps its default of "secrets").
deny contains result.fail(m, [name], msg) if {
	some m in modules.opaque_calls("eks")
	some name, empties in {"cluster_encryption_config": {[], {}}, "encryption_config": {[]}}
	object.get(m.config, name, null) in empties
	msg := sprintf("%s does not encrypt Kubernetes secrets with KMS", [m.address])
}

# The fix adds a customer managed key and envelope-encrypts secrets with it.
secrets_fix(r) := ops if {
	block := result.add_block([], "encryption_config", {"resources": ["secrets"], "provider": [{"key_arn": fixes.cmk_arn(r)}]})
	ops := array.concat(fixes.key_ops(r), [block])
} else := []
