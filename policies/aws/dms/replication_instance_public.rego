# METADATA
# title: DMS replication instance is publicly accessible
# description: |
#   publicly_accessible = true gives the replication instance, which holds credentials for both
#   source and target databases, a public IP address. The DMS API's default is true, so an
#   instance that leaves the argument out is public too.
# related_resources:
#   - ref: https://docs.aws.amazon.com/dms/latest/userguide/CHAP_ReplicationInstance.PublicPrivate.html
# custom:
#   id: PAL-AWS-DMS-001
#   severity: high
#   formats: [terraform]
#   resource_types: [aws_dms_replication_instance]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_89
#     kics: 030d3b18-1821-45b4-9e08-50efbe7becbb
#   cwe: ["CWE-668"]
#   remediation: Set publicly_accessible = false.
#   fixable: true
package palisade.aws.dms.replication_instance_public

import data.palisade.lib.result
import data.palisade.lib.unknown

types := {"aws_dms_replication_instance"}

deny contains result.fail_fix(r, ["publicly_accessible"], msg, [result.set(["publicly_accessible"], false)]) if {
	some r in input.resources
	r.type in types
	bad(object.get(r.config, "publicly_accessible", null))
	msg := message(r)
}

bad(v) if unknown.is_true(v)

# CreateReplicationInstance: "The default value is true" (the provider leaves the argument to the
# API), so an unset argument gives the instance a public IP address (round 44, ElectricEye's
# DMS.1 reads the instance's PubliclyAccessible, which is true for such an instance).
bad(null)

message(r) := sprintf("%s is publicly accessible (publicly_accessible is unset, and the DMS default is true)", [r.address]) if {
	object.get(r.config, "publicly_accessible", null) == null
} else := sprintf("%s is publicly accessible", [r.address])
