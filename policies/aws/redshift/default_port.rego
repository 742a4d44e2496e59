# METADATA
# title: Redshift cluster listens on the default port 5439
# description: |
#   5439 is the port scanners look for Redshift on. A non-default port is no substitute for network
#   controls, but it avoids opportunistic scans and fingerprinting of the cluster.
# related_resources:
#   - ref: https://docs.aws.amazon.com/redshift/latest/mgmt/rs-mgmt-cluster-ports.html
# custom:
#   id: PAL-AWS-REDSHIFT-004
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_redshift_cluster, "module:terraform-aws-modules/redshift/aws"]
#   frameworks: {}
#   references:
#     kics: 41abc6cc-dde1-4217-83d3-fb5f0cc09d8f
#   remediation: Set port to a value other than 5439.
#   fixable: false
package palisade.aws.redshift.default_port

import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

warn contains result.fail(r, ["port"], msg) if {
	some r in tf.resources("aws_redshift_cluster")
	default_port(r)
	msg := sprintf("%s uses the default Redshift port 5439", [r.address])
}

# Opaque terraform-aws-modules/redshift calls: the port is `port` (v4 on, default null: 5439) or
# `cluster_port` (before, default 5439); either way unset means 5439.
warn contains result.fail(m, port.path, msg) if {
	some m in modules.redshift_clusters
	port := modules.argument(m, ["port", "cluster_port"], 5439)
	unknown.known_number(port.value) == 5439
	msg := sprintf("%s uses the default Redshift port 5439", [m.address])
}

default_port(r) if tf.missing_attr(r, ["port"])

default_port(r) if unknown.known_number(r.config.port) == 5439
