# METADATA
# title: RDS database uses an expired certificate authority
# description: |
#   The rds-ca-2015 and rds-ca-2019 certificate authorities have expired (rds-ca-2019 in August
#   2024). Clients that verify the server certificate fail to connect over TLS, which pushes teams
#   to turn verification off. Use rds-ca-rsa2048-g1, rds-ca-rsa4096-g1 or rds-ca-ecc384-g1.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/UsingWithRDS.SSL-certificate-rotation.html
# custom:
#   id: PAL-AWS-RDS-009
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_db_instance, aws_rds_cluster_instance, "module:terraform-aws-modules/rds/aws"]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_211
#   cwe: ["CWE-324"]
#   remediation: Set ca_cert_identifier = "rds-ca-rsa2048-g1" (or another current CA) and update clients' trust stores.
#   fixable: true
package palisade.aws.rds.ca_certificate_outdated

import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.unknown

expired := {"rds-ca-2015", "rds-ca-2019"}

deny contains result.fail_fix(r, ["ca_cert_identifier"], msg, [result.set(["ca_cert_identifier"], "rds-ca-rsa2048-g1")]) if {
	some r in array.concat([r | some r in input.resources; r.type in {"aws_db_instance", "aws_rds_cluster_instance"}], modules.rds_instances)
	ca := unknown.known_string(r.config.ca_cert_identifier)
	ca in expired
	msg := sprintf("%s uses the expired certificate authority %s", [r.address, ca])
}
