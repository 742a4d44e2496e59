# METADATA
# title: Redshift cluster does not use enhanced VPC routing
# description: |
#   Without enhanced_vpc_routing = true, COPY and UNLOAD traffic between the cluster and S3 leaves
#   the VPC over the internet path, bypassing VPC endpoints, endpoint policies, security groups,
#   network ACLs and VPC flow logs.
# related_resources:
#   - ref: https://docs.aws.amazon.com/redshift/latest/mgmt/enhanced-vpc-routing.html
# custom:
#   id: PAL-AWS-REDSHIFT-005
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_redshift_cluster, "module:terraform-aws-modules/redshift/aws"]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_321
#   remediation: Set enhanced_vpc_routing = true.
#   fixable: true
package palisade.aws.redshift.enhanced_vpc_routing_disabled

import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

path := ["enhanced_vpc_routing"]

deny contains result.fail_fix(r, path, msg, [result.set(path, true)]) if {
	some r in tf.resources("aws_redshift_cluster")
	unknown.not_true(tf.attr(r, path))
	msg := sprintf("%s does not set enhanced_vpc_routing = true", [r.address])
}

# Opaque terraform-aws-modules/redshift calls pass enhanced_vpc_routing; false by default in v2,
# so unset is reported only on calls pinned below v3 (on the call, the argument being absent).
deny contains result.fail_fix(m, path, msg, [result.set(path, true)]) if {
	some m in modules.redshift_clusters
	off_for_module(m)
	msg := sprintf("%s does not set enhanced_vpc_routing = true", [m.address])
}

off_for_module(m) if unknown.is_false(m.config.enhanced_vpc_routing)

off_for_module(m) if {
	object.get(m.config, "enhanced_vpc_routing", null) == null
	modules.pinned_below(m, 3)
}
