# METADATA
# title: RDS parameter group turns off required TLS
# description: |
#   rds.force_ssl = 0 (PostgreSQL, SQL Server) or require_secure_transport = 0 / OFF (MySQL,
#   MariaDB) in an aws_db_parameter_group or aws_rds_cluster_parameter_group lets databases using
#   the group accept plain-text connections: credentials, queries and results then cross the
#   network unencrypted. AWS Config's managed rules for RDS for MySQL and MariaDB encryption in
#   transit ask for these parameters to require TLS; RDS for PostgreSQL 15 and later requires it by
#   default.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/PostgreSQL.Concepts.General.SSL.html#PostgreSQL.Concepts.General.SSL.Requiring
#   - ref: https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/mysql-ssl-connections.require-ssl.html
#   - ref: https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/SQLServer.Concepts.General.SSL.Using.html
# custom:
#   id: PAL-AWS-RDS-019
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_db_parameter_group, aws_rds_cluster_parameter_group]
#   frameworks: {}
#   references: {}
#   cwe: ["CWE-319"]
#   remediation: Set the parameter to 1 (ON) once the clients connect with TLS (the RDS CA bundle).
#   fixable: true
package palisade.aws.rds.parameter_group_tls_not_required

# Only an explicit off is reported: the engines' own defaults differ (PostgreSQL 15+ requires TLS,
# MySQL does not), and a group that leaves the parameter out is not choosing plain text. The fix
# answers in the form the group already uses ("0" -> "1", "OFF" -> "ON"): AWS accepted that form
# for this engine, while parameter groups list their allowed values per engine (H12 review); clients that connect without TLS have to move first
# (the remediation says so). An unknown name or value is not judged. HashiCorp policy library
# round 27.

import data.palisade.lib.result
import data.palisade.lib.tf

types := {"aws_db_parameter_group", "aws_rds_cluster_parameter_group"}

tls_parameters := {"rds.force_ssl", "require_secure_transport"}

deny contains result.fail_fix(r, path, msg, [result.set(path, on(p.value))]) if {
	some r in input.resources
	r.type in types
	some i, p in tf.blocks(r, "parameter")
	is_string(p.name)
	name := lower(p.name)
	name in tls_parameters
	off(object.get(p, "value", null))
	path := ["parameter", i, "value"]
	msg := sprintf("%s sets %s to %v: databases using it accept connections without TLS", [r.address, name, p.value])
}

off(v) if {
	is_string(v)
	lower(trim_space(v)) in {"0", "off"}
}

off(0)

on(v) := "ON" if {
	is_string(v)
	lower(trim_space(v)) == "off"
	trim_space(v) != "off"
} else := "on" if {
	is_string(v)
	trim_space(v) == "off"
} else := "1"
