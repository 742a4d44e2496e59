# METADATA
# title: RDS instance is publicly accessible
# description: |
#   publicly_accessible = true gives the database a public DNS name and IP address, so its
#   security groups are the only barrier between the internet and the database engine, which is a
#   favourite target of credential brute force and exploits. Databases belong in private subnets,
#   reached from the application tier.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_VPC.WorkingWithRDSInstanceinaVPC.html#USER_VPC.Hiding
# custom:
#   id: PAL-AWS-RDS-002
#   severity: high
#   formats: [terraform]
#   resource_types: [aws_db_instance, aws_rds_cluster_instance, "module:terraform-aws-modules/rds/aws"]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_17
#     trivy: AVD-AWS-0180
#     kics: 35113e6f-2c6b-414d-beec-7a9482d3b2d1
#   cwe: ["CWE-668"]
#   remediation: Set publicly_accessible = false and place the database in private subnets.
#   fixable: true
package palisade.aws.rds.publicly_accessible

import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.unknown

types := {"aws_db_instance", "aws_rds_cluster_instance"}

deny contains result.fail_fix(r, ["publicly_accessible"], msg, [result.set(["publicly_accessible"], false)]) if {
	some r in input.resources
	r.type in types
	bad(object.get(r.config, "publicly_accessible", null))
	msg := sprintf("%s is publicly accessible", [r.address])
}

# Opaque rds calls pass publicly_accessible (default false in every major) unchanged.
deny contains result.fail_fix(m, ["publicly_accessible"], msg, [result.set(["publicly_accessible"], false)]) if {
	some m in modules.rds_instances
	bad(object.get(m.config, "publicly_accessible", null))
	msg := sprintf("%s is publicly accessible", [m.address])
}

bad(v) if unknown.is_true(v)
