# METADATA
# title: EKS API server endpoint is public
# description: |
#   With endpoint_public_access true (the default) the Kubernetes API server is reachable from the
#   internet, limited only by public_access_cidrs and authentication. A private-only endpoint keeps
#   the control plane out of reach of credential stuffing and of API server vulnerabilities;
#   administrators reach it through the VPC (VPN, bastion or Session Manager).
# related_resources:
#   - ref: https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html
# custom:
#   id: PAL-AWS-EKS-004
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_eks_cluster, "module:terraform-aws-modules/eks/aws"]
#   references:
#     trivy: AVD-AWS-0040
#     kics: 42f4b905-3736-4213-bfe9-c0660518cda8
#   cwe: ["CWE-668"]
#   remediation: Set endpoint_private_access = true and endpoint_public_access = false in vpc_config, and reach the API from inside the VPC.
#   fixable: true
package palisade.aws.eks.public_endpoint_enabled

import data.palisade.lib.eks
import data.palisade.lib.fixes
import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

# Advisory: many teams run public endpoints restricted by public_access_cidrs;
# public_endpoint_open reports the ones open to everyone.
# The fix makes the endpoint private (and enables the private one, since AWS needs one of the two);
# none when the configuration manages Kubernetes objects through the endpoint (lib/eks.rego).
warn contains fixes.finding(r, ["vpc_config", i, "endpoint_public_access"], msg, private_fix(r, i)) if {
	some r in tf.resources("aws_eks_cluster")
	some i, vpc in tf.blocks(r, "vpc_config")
	unknown.is_true(object.get(vpc, "endpoint_public_access", true))
	msg := sprintf("%s has a public API server endpoint%s", [r.address, why_no_fix])
}

# terraform-aws-modules/eks: `endpoint_public_access` (v21) or `cluster_endpoint_public_access`,
# public by default before v19.
warn contains result.fail(m, public.path, msg) if {
	some m in modules.opaque_calls("eks")
	public := modules.argument(m, ["endpoint_public_access", "cluster_endpoint_public_access"], default_public(m))
	unknown.is_true(public.value)
	msg := sprintf("%s has a public API server endpoint", [m.address])
}

private_fix(r, i) := [] if eks.manages_kubernetes_objects

else := [
	result.set(["vpc_config", i, "endpoint_public_access"], false),
	result.set(["vpc_config", i, "endpoint_private_access"], true),
] if {
	not unknown.is_true(object.get(r.config.vpc_config[i], "endpoint_private_access", false))
} else := [result.set(["vpc_config", i, "endpoint_public_access"], false)]

default_public(m) if modules.pinned_below(m, 19)

else := false

default why_no_fix := ""

why_no_fix := eks.no_private_fix_reason if eks.manages_kubernetes_objects
