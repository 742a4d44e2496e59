# METADATA
# title: EMR cluster has no security configuration
# description: |
#   Amazon EMR encrypts a cluster's local disks and EBS volumes (HDFS, shuffle and spill data) and
#   the traffic between its nodes only as a security configuration says, and a security
#   configuration is also where Kerberos authentication and the IAM roles for EMRFS requests are
#   set. A cluster launched without one (security_configuration unset) gets none of these: its
#   disks and node-to-node traffic are in the clear whatever the account's other settings. The
#   configuration's own settings are judged by PAL-AWS-EMR-002.
# related_resources:
#   - ref: https://docs.aws.amazon.com/emr/latest/ManagementGuide/emr-security-configurations.html
#   - ref: https://docs.aws.amazon.com/emr/latest/ManagementGuide/emr-data-encryption.html
#   - ref: https://docs.aws.amazon.com/emr/latest/ManagementGuide/emr-data-encryption-options.html
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/emr_cluster#security_configuration
# custom:
#   id: PAL-AWS-EMR-004
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_emr_cluster]
#   frameworks: {}
#   references:
#     checkov: CKV2_AWS_55
#   cwe: ["CWE-311"]
#   remediation: >-
#     Create an aws_emr_security_configuration that turns on at-rest (S3 and local disk) and in-transit
#     encryption and name it in the cluster's security_configuration.
#   fixable: false
package palisade.aws.emr.cluster_without_security_configuration

# No fix: a security configuration names the owner's KMS keys and TLS certificate provider, and
# changing a cluster's security_configuration replaces the cluster (ForceNew).

import data.palisade.lib.result
import data.palisade.lib.tf

deny contains result.fail(r, [], msg) if {
	some r in tf.resources("aws_emr_cluster")
	tf.missing_attr(r, ["security_configuration"])
	msg := sprintf("%s has no security configuration: its local disks and the traffic between its nodes are not encrypted", [r.address])
}
