# METADATA
# title: EKS API server endpoint is open to the internet
# description: |
#   The cluster's public endpoint is enabled (the default) and public_access_cidrs is unset,
#   empty (AWS then applies its default) or contains 0.0.0.0/0, so the Kubernetes API server is
#   reachable from anywhere. Any leaked kubeconfig or API server vulnerability is then
#   exploitable from the whole internet. Opaque terraform-aws-modules/eks calls are checked
#   through their arguments (the public endpoint is on by default before v19).
# related_resources:
#   - ref: https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html
# custom:
#   id: PAL-AWS-EKS-001
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_eks_cluster, "module:terraform-aws-modules/eks/aws"]
#   frameworks: {}
#   references:
#     checkov: [CKV_AWS_38, CKV_AWS_39]
#     trivy: AVD-AWS-0041
#     kics: 61cf9883-1752-4768-b18c-0d57f2737709
#   cwe: ["CWE-668"]
#   remediation: Set endpoint_public_access = false (with endpoint_private_access = true), or restrict public_access_cidrs to known networks.
#   fixable: true
package palisade.aws.eks.public_endpoint_open

import data.palisade.lib.eks
import data.palisade.lib.fixes
import data.palisade.lib.modules
import data.palisade.lib.net
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

msg(r) := sprintf("%s exposes its API server endpoint to the internet", [r.address])

# The resource findings say why they carry no fix (module calls never do).
resource_msg(r) := concat("", [msg(r), eks.no_private_fix_reason]) if eks.manages_kubernetes_objects

else := msg(r)

# The fix needs no CIDR: it turns the public endpoint off (and the private one on, since AWS needs
# one of the two). Narrowing the CIDRs instead is for the user to choose. No fix when the
# configuration manages Kubernetes objects (lib/eks.rego): Terraform reaches them through this
# endpoint.
private_fix(r, i) := [] if eks.manages_kubernetes_objects

else := [
	result.set(["vpc_config", i, "endpoint_public_access"], false),
	result.set(["vpc_config", i, "endpoint_private_access"], true),
] if {
	not unknown.is_true(object.get(r.config.vpc_config[i], "endpoint_private_access", false))
} else := [result.set(["vpc_config", i, "endpoint_public_access"], false)]

public_enabled(vpc) if unknown.is_true(object.get(vpc, "endpoint_public_access", true))

# Unset public_access_cidrs defaults to 0.0.0.0/0.
# On the missing public_access_cidrs (its vpc_config block), where the fix goes.
deny contains fixes.finding(r, ["vpc_config", i, "public_access_cidrs"], resource_msg(r), private_fix(r, i)) if {
	some r in tf.resources("aws_eks_cluster")
	some i, vpc in tf.blocks(r, "vpc_config")
	public_enabled(vpc)
	cidrs_unset(object.get(vpc, "public_access_cidrs", null))
}

deny contains fixes.finding(r, ["vpc_config", i, "public_access_cidrs", j], resource_msg(r), private_fix(r, i)) if {
	some r in tf.resources("aws_eks_cluster")
	some i, vpc in tf.blocks(r, "vpc_config")
	public_enabled(vpc)
	some j, cidr in unknown.items(vpc.public_access_cidrs)
	net.is_public_cidr(cidr)
}

# terraform-aws-modules/eks: `endpoint_public_access` / `_cidrs` (v21), `cluster_endpoint_public_access`
# / `_cidrs` before; the endpoint is public by default before v19, the CIDRs default to 0.0.0.0/0.
# Reported on the CIDRs when they are given, else on the argument that makes the endpoint public.
deny contains result.fail(m, path, msg(m)) if {
	some m in modules.opaque_calls("eks")
	public := module_public(m)
	cidrs := modules.argument(m, ["endpoint_public_access_cidrs", "cluster_endpoint_public_access_cidrs"], null)
	cidrs_unset(cidrs.value)
	path := public.path
}

deny contains result.fail(m, array.concat(cidrs.path, [j]), msg(m)) if {
	some m in modules.opaque_calls("eks")
	module_public(m)
	cidrs := modules.argument(m, ["endpoint_public_access_cidrs", "cluster_endpoint_public_access_cidrs"], null)
	some j, cidr in unknown.items(cidrs.value)
	net.is_public_cidr(cidr)
}

# An empty list is sent as no list: AWS then applies its default, 0.0.0.0/0.
cidrs_unset(null)

cidrs_unset(cidrs) if cidrs == []

module_public(m) := public if {
	public := modules.argument(m, ["endpoint_public_access", "cluster_endpoint_public_access"], default_public(m))
	unknown.is_true(public.value)
}

default_public(m) if modules.pinned_below(m, 19)

else := false
