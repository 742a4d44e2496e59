# METADATA
# title: MSK brokers are publicly accessible
# description: |
#   connectivity_info.public_access.type = "SERVICE_PROVIDED_EIPS" gives every broker an Elastic IP
#   and a public endpoint, so the Kafka cluster can be reached from the internet, limited only by
#   its security groups and client authentication.
# related_resources:
#   - ref: https://docs.aws.amazon.com/msk/latest/developerguide/public-access.html
# custom:
#   id: PAL-AWS-MSK-001
#   severity: high
#   formats: [terraform]
#   resource_types: [aws_msk_cluster]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_291
#     kics: 54378d69-dd7c-4b08-a43e-80d563396857
#   cwe: ["CWE-668"]
#   remediation: Set public_access.type = "DISABLED" and connect from inside the VPC.
#   fixable: true
package palisade.aws.msk.broker_publicly_accessible

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

deny contains result.fail_fix(r, path, msg, [result.set(path, "DISABLED")]) if {
	some r in tf.resources("aws_msk_cluster")
	some i, group in tf.blocks(r, "broker_node_group_info")
	some j, connectivity in unknown.items(object.get(group, "connectivity_info", []))
	some k, access in unknown.items(object.get(connectivity, "public_access", []))
	unknown.known_string(access.type) == "SERVICE_PROVIDED_EIPS"
	path := ["broker_node_group_info", i, "connectivity_info", j, "public_access", k, "type"]
	msg := sprintf("%s gives its brokers public IP addresses", [r.address])
}
