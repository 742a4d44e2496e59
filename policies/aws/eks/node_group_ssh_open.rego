# METADATA
# title: EKS node group opens SSH to the internet
# description: |
#   A managed node group with remote_access names an SSH key but no source_security_group_ids.
#   EKS then opens port 22 on every worker node to 0.0.0.0/0, so any host on the internet can
#   try the key and reach the kubelet's node. Naming the security groups allowed to connect
#   (or dropping remote_access and using SSM Session Manager) closes it.
# related_resources:
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/eks_node_group#remote_access-configuration-block
#   - ref: https://docs.aws.amazon.com/eks/latest/APIReference/API_RemoteAccessConfig.html
# custom:
#   id: PAL-AWS-EKS-005
#   severity: high
#   formats: [terraform]
#   resource_types: [aws_eks_node_group]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_100
#   cwe: ["CWE-284"]
#   remediation: Set remote_access.source_security_group_ids to the groups allowed to SSH in, or drop remote_access and use SSM Session Manager.
#   fixable: false
package palisade.aws.eks.node_group_ssh_open

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

# No fix: which hosts may SSH to the nodes is the owner's choice.
deny contains result.fail(r, ["remote_access", i], msg) if {
	some r in tf.resources("aws_eks_node_group")
	some i, b in tf.blocks(r, "remote_access")
	names_key(object.get(b, "ec2_ssh_key", null))
	no_sources(object.get(b, "source_security_group_ids", null))
	msg := sprintf("%s opens SSH (port 22) on its nodes to the internet: remote_access names a key but no source_security_group_ids", [r.address])
}

# A known key name, or an unknown one (a variable usually holds a key).
names_key(v) if unknown.is_unknown(v)

names_key(v) if {
	is_string(v)
	v != ""
}

no_sources(null) := true

no_sources([]) := true
