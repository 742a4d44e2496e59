# METADATA
# title: Redshift Serverless workgroup is publicly accessible
# description: |
#   publicly_accessible = true gives an aws_redshiftserverless_workgroup an endpoint that can be
#   reached from outside its VPC, leaving only the workgroup's security groups between the
#   internet and the data warehouse. Unset, the workgroup is reachable from inside the VPC only.
#   AWS Security Hub (RedshiftServerless.3) asks for workgroups without public access.
# related_resources:
#   - ref: https://docs.aws.amazon.com/redshift/latest/mgmt/serverless-connecting.html
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/redshiftserverless-controls.html#redshiftserverless-3
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/redshiftserverless_workgroup#publicly_accessible
# custom:
#   id: PAL-AWS-REDSHIFT-010
#   severity: high
#   formats: [terraform]
#   resource_types: [aws_redshiftserverless_workgroup]
#   frameworks: {}
#   references: {}
#   cwe: ["CWE-668"]
#   remediation: Set publicly_accessible = false and reach the workgroup from inside the VPC (or through a VPC endpoint).
#   fixable: true
package palisade.aws.redshift.serverless_workgroup_publicly_accessible

# The setting is changed in place (UpdateWorkgroup publiclyAccessible); clients outside the VPC lose
# the endpoint, which is the point. HashiCorp policy library round 27.

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

path := ["publicly_accessible"]

deny contains result.fail_fix(r, path, msg, [result.set(path, false)]) if {
	some r in tf.resources("aws_redshiftserverless_workgroup")
	unknown.is_true(object.get(r.config, "publicly_accessible", null))
	msg := sprintf("%s is publicly accessible", [r.address])
}
