# METADATA
# title: DAX cluster endpoint does not use TLS
# description: |
#   cluster_endpoint_encryption_type defaults to NONE: clients then reach the DynamoDB Accelerator
#   cluster over plain TCP, and every cached item and request crosses the network unencrypted.
#   With TLS the endpoint accepts only encrypted connections (daxs://). The type can only be
#   chosen when the cluster is created. AWS Security Hub (DynamoDB.7) and the AWS Config rule
#   dax-tls-endpoint-encryption ask for TLS.
# related_resources:
#   - ref: https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/DAXEncryptionInTransit.html
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/dynamodb-controls.html#dynamodb-7
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/dax_cluster#cluster_endpoint_encryption_type
# custom:
#   id: PAL-AWS-DYNAMODB-004
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_dax_cluster]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_239
#   cwe: ["CWE-319"]
#   remediation: Set cluster_endpoint_encryption_type = "TLS" (the cluster is replaced; clients connect with daxs://).
#   fixable: true
package palisade.aws.dynamodb.dax_cluster_transit_unencrypted

# The fix sets TLS, as the pack's other in-transit fixes do (ElastiCache, OpenSearch HTTPS): the
# cluster is replaced (a cache: no data is lost) and clients move to the daxs:// endpoint.

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

path := ["cluster_endpoint_encryption_type"]

deny contains result.fail_fix(r, path, msg, [result.set(path, "TLS")]) if {
	some r in tf.resources("aws_dax_cluster")
	tf.missing_attr(r, path)
	msg := sprintf("%s serves clients over plain TCP (cluster_endpoint_encryption_type defaults to NONE)", [r.address])
}

deny contains result.fail_fix(r, path, msg, [result.set(path, "TLS")]) if {
	some r in tf.resources("aws_dax_cluster")
	upper(unknown.known_string(r.config.cluster_endpoint_encryption_type)) == "NONE"
	msg := sprintf("%s serves clients over plain TCP (cluster_endpoint_encryption_type = \"NONE\")", [r.address])
}
