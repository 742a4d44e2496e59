# METADATA
# title: DMS replication instance is publicly accessible
# description: |
#   publicly_accessible = true gives the replication instance, which holds credentials for both
#   source and target databases, a public IP address.
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
	msg := sprintf("%s is publicly accessible", [r.address])
}

bad(v) if unknown.is_true(v)

# Unset is private: the DMS API's PubliclyAccessible defaults to true, but the provider always sends
# the argument, false when it is left out (resourceReplicationInstanceCreate reads it with d.Get),
# so an instance without it has no public IP (round 44: ElectricEye's DMS.1, which reads the
# created instance, agrees for instances Terraform creates).
