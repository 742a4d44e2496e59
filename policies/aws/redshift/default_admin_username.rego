# METADATA
# title: Redshift cluster uses the default admin user name awsuser
# description: |
#   awsuser is the admin user name the Redshift console fills in, so it is the first name a
#   password-guessing attack against a reachable cluster tries: with it, only the password is left
#   to guess. AWS Security Hub (Redshift.8) asks for another name. The admin user name is fixed when
#   the cluster is created (changing master_username replaces the cluster), so no fix is offered.
# related_resources:
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/redshift-controls.html#redshift-8
#   - ref: https://docs.aws.amazon.com/redshift/latest/APIReference/API_CreateCluster.html
# custom:
#   id: PAL-AWS-REDSHIFT-015
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_redshift_cluster]
#   frameworks: {}
#   references: {}
#   cwe: ["CWE-1392"]
#   remediation: >-
#     Create the cluster with another master_username (a new cluster, or a restore from a
#     snapshot with a new admin user), and keep the credentials in Secrets Manager
#     (manage_master_password = true).
#   fixable: false
package palisade.aws.redshift.default_admin_username

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

# Round 44 (ElectricEye's Redshift.5 reads the cluster's MasterUsername). Redshift folds user
# names to lower case, so AWSUser names the same user. A cluster restored from a snapshot
# (snapshot_identifier) keeps the snapshot's admin user, whatever master_username says: not judged.
deny contains result.fail(r, ["master_username"], msg) if {
	some r in tf.resources("aws_redshift_cluster")
	lower(unknown.known_string(object.get(r.config, "master_username", null))) == "awsuser"
	tf.missing_attr(r, ["snapshot_identifier"])
	msg := sprintf("%s uses the default admin user name awsuser", [r.address])
}
