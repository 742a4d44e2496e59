# METADATA
# title: EMR cluster has no security configuration
# description: |
#   Without a security configuration an EMR cluster encrypts neither its local disks (HDFS,
#   shuffle and spill data on the instance store and EBS volumes) nor the traffic between its
#   nodes and applications: at-rest and in-transit encryption, and Kerberos or Lake Formation
#   authentication, exist only through one (PAL-AWS-EMR-002 judges the configuration when there is
#   one). A cluster whose security_configuration comes from a variable is not reported.
# related_resources:
#   - ref: https://docs.aws.amazon.com/emr/latest/ManagementGuide/emr-security-configurations.html
#   - ref: https://docs.aws.amazon.com/emr/latest/ManagementGuide/emr-data-encryption-options.html
# custom:
#   id: PAL-AWS-EMR-014
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_emr_cluster]
#   frameworks: {}
#   references: {}
#   cwe: ["CWE-311"]
#   remediation: Name in security_configuration an aws_emr_security_configuration that enables at-rest and in-transit encryption.
#   fixable: false
package palisade.aws.emr.cluster_without_security_configuration

import data.palisade.lib.result
import data.palisade.lib.tf

deny contains result.fail(r, [], msg) if {
	some r in tf.resources("aws_emr_cluster")
	tf.missing_attr(r, ["security_configuration"])
	msg := sprintf("%s has no security configuration: its disks and traffic are not encrypted", [r.address])
}
