# METADATA
# title: ElastiCache replication group does not encrypt traffic in transit
# description: |
#   Without in-transit encryption, clients and replicas talk to Redis in clear text, so anyone
#   able to observe VPC traffic can read cached data and session tokens, and AUTH tokens cannot be
#   used.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonElastiCache/latest/red-ug/in-transit-encryption.html
# custom:
#   id: PAL-AWS-ELASTICACHE-002
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_elasticache_replication_group, "module:terraform-aws-modules/elasticache/aws"]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_30
#     trivy: AVD-AWS-0051
#     kics: 1afbb3fa-cf6c-4a3d-b730-95e9f4df343e
#   cwe: ["CWE-319"]
#   remediation: Set transit_encryption_enabled = true.
#   fixable: true
package palisade.aws.elasticache.transit_encryption_disabled

import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

types := {"aws_elasticache_replication_group"}

deny contains result.fail_fix(r, ["transit_encryption_enabled"], msg, [result.set(["transit_encryption_enabled"], true)]) if {
	some r in input.resources
	r.type in types

	# A Global Datastore secondary takes its transit encryption from the global group (its primary).
	not tf.has_attr(r, ["global_replication_group_id"])
	bad(object.get(r.config, "transit_encryption_enabled", null))
	msg := sprintf("%s does not encrypt traffic in transit", [r.address])
}

# Opaque terraform-aws-modules/elasticache calls pass transit_encryption_enabled (default true).
deny contains result.fail_fix(m, ["transit_encryption_enabled"], msg, [result.set(["transit_encryption_enabled"], true)]) if {
	some m in modules.elasticache_groups
	unknown.is_false(m.config.transit_encryption_enabled)
	msg := sprintf("%s does not encrypt traffic in transit", [m.address])
}

bad(null) := true

bad(v) if unknown.is_false(v)
