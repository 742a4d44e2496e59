# METADATA
# title: EMR cluster does not use Kerberos authentication
# description: |
#   Without Kerberos, the Hadoop services of an EMR cluster (YARN, HDFS, Hive, Spark's history
#   and the web UIs behind them) use Hadoop's simple authentication: they believe whatever user
#   name a client sends, so anyone who can reach the cluster's ports or log in to a node can act
#   as any user, the hdfs superuser included, and read or delete every other user's data. Amazon
#   EMR turns Kerberos on through a security configuration with an authentication configuration
#   and the cluster's kerberos_attributes (realm, KDC admin password); AWS Config's managed rule
#   emr-kerberos-enabled reports clusters without it. Clusters with no security configuration at
#   all are PAL-AWS-EMR-004's finding and are not reported again here.
# related_resources:
#   - ref: https://docs.aws.amazon.com/emr/latest/ManagementGuide/emr-kerberos.html
#   - ref: https://docs.aws.amazon.com/emr/latest/ManagementGuide/emr-kerberos-configure.html
#   - ref: https://docs.aws.amazon.com/config/latest/developerguide/emr-kerberos-enabled.html
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/emr_cluster#kerberos_attributes
# custom:
#   id: PAL-AWS-EMR-005
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_emr_cluster]
#   frameworks: {}
#   references: {}
#   cwe: ["CWE-287"]
#   remediation: >-
#     Add an authentication configuration (a cluster-dedicated KDC, or a cross-realm trust with
#     Active Directory) to the cluster's aws_emr_security_configuration and give the cluster a
#     kerberos_attributes block with the realm and the KDC admin password (from a secret, not a literal).
#   fixable: false
package palisade.aws.emr.cluster_without_kerberos

# No fix: Kerberos needs a KDC choice, a realm, passwords only the owner holds and a security
# configuration change, and changing kerberos_attributes or security_configuration replaces the
# cluster (ForceNew).

import data.palisade.lib.result
import data.palisade.lib.tf

# Reported on the cluster (what is missing is the kerberos_attributes block): security_configuration
# usually names the configuration resource's computed id, and a finding on an unknown value is
# dropped by the evaluator (docs/policy.md), although the missing block is known.
deny contains result.fail(r, [], msg) if {
	some r in tf.resources("aws_emr_cluster")
	tf.has_attr(r, ["security_configuration"])
	tf.missing_attr(r, ["kerberos_attributes"])
	msg := sprintf("%s does not use Kerberos: its Hadoop services take any user name a client claims", [r.address])
}
