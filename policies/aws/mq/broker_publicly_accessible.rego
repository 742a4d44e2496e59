# METADATA
# title: Amazon MQ broker is publicly accessible
# description: |
#   publicly_accessible = true gives the broker a public endpoint, exposing its management console
#   and messaging ports to the internet.
# related_resources:
#   - ref: https://docs.aws.amazon.com/amazon-mq/latest/developer-guide/using-amazon-mq-securely.html
# custom:
#   id: PAL-AWS-MQ-001
#   severity: high
#   formats: [terraform]
#   resource_types: [aws_mq_broker]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_69
#     kics: 4eb5f791-c861-4afd-9f94-f2a6a3fe49cb
#     trivy: AVD-AWS-0072
#   cwe: ["CWE-668"]
#   remediation: Set publicly_accessible = false and reach the broker from inside the VPC.
#   fixable: true
package palisade.aws.mq.broker_publicly_accessible

import data.palisade.lib.result
import data.palisade.lib.unknown

types := {"aws_mq_broker"}

deny contains result.fail_fix(r, ["publicly_accessible"], msg, [result.set(["publicly_accessible"], false)]) if {
	some r in input.resources
	r.type in types
	bad(object.get(r.config, "publicly_accessible", null))
	msg := sprintf("%s is publicly accessible", [r.address])
}

bad(v) if unknown.is_true(v)
