# METADATA
# title: Neptune instance is publicly accessible
# description: |
#   publicly_accessible = true gives the Neptune instance a public DNS name that resolves to a
#   public IP, exposing the graph database endpoint to the internet; only security groups stand
#   between it and anyone probing for it.
# related_resources:
#   - ref: https://docs.aws.amazon.com/neptune/latest/userguide/security-vpc.html
# custom:
#   id: PAL-AWS-NEPTUNE-002
#   severity: high
#   formats: [terraform]
#   resource_types: [aws_neptune_cluster_instance]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_102
#     kics: 9ba198e0-fef4-464a-8a4d-75ea55300de7
#   cwe: ["CWE-668"]
#   remediation: Set publicly_accessible = false and reach the database from inside the VPC.
#   fixable: true
package palisade.aws.neptune.instance_publicly_accessible

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

deny contains result.fail_fix(r, ["publicly_accessible"], msg, [result.set(["publicly_accessible"], false)]) if {
	some r in tf.resources("aws_neptune_cluster_instance")
	unknown.is_true(r.config.publicly_accessible)
	msg := sprintf("%s is publicly accessible", [r.address])
}
