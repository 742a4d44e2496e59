# METADATA
# title: Redshift Serverless workgroup does not require SSL
# description: |
#   A Redshift Serverless workgroup's config_parameter require_ssl = "false" lets SQL clients
#   connect without TLS, sending credentials and query results in plain text inside (or, for a
#   public workgroup, outside) the VPC. AWS Security Hub (RedshiftServerless.2) and the AWS Config
#   rule redshift-serverless-workgroup-encrypted-in-transit ask for require_ssl = true. Only an
#   explicit false is reported: the workgroup's own default is left to AWS.
# related_resources:
#   - ref: https://docs.aws.amazon.com/redshift/latest/mgmt/serverless-connecting.html
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/redshiftserverless-controls.html#redshiftserverless-2
#   - ref: https://docs.aws.amazon.com/config/latest/developerguide/redshift-serverless-workgroup-encrypted-in-transit.html
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/redshiftserverless_workgroup#config_parameter
# custom:
#   id: PAL-AWS-REDSHIFT-011
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_redshiftserverless_workgroup]
#   frameworks: {}
#   references: {}
#   cwe: ["CWE-319"]
#   remediation: Set the config_parameter require_ssl to "true" (every Redshift driver supports SSL).
#   fixable: true
package palisade.aws.redshift.serverless_ssl_not_required

# The fix requires SSL, as the provisioned-cluster rule (PAL-AWS-REDSHIFT-008) does: the
# parameter is changed in place (UpdateWorkgroup configParameters); which clients still connect
# without SSL is the author's to check.

import data.palisade.lib.result
import data.palisade.lib.tf

deny contains result.fail_fix(r, path, msg, [result.set(path, "true")]) if {
	some r in tf.resources("aws_redshiftserverless_workgroup")
	some i, p in tf.blocks(r, "config_parameter")
	p.parameter_key == "require_ssl"
	lower(sprintf("%v", [p.parameter_value])) == "false"
	path := ["config_parameter", i, "parameter_value"]
	msg := sprintf("%s sets require_ssl to false: clients may connect without SSL", [r.address])
}
