# METADATA
# title: Glue JDBC connection does not enforce SSL
# description: |
#   A JDBC aws_glue_connection without connection_properties JDBC_ENFORCE_SSL = "true" lets Glue
#   jobs, crawlers and notebooks reach the database without TLS: JDBC_ENFORCE_SSL defaults to false,
#   so the driver falls back to whatever the database accepts, and the rows and the credentials
#   cross the network readable by anyone on the path. With it, Glue requires SSL with hostname
#   matching. Other connection types (NETWORK, KAFKA, MONGODB, ...) are not judged.
# related_resources:
#   - ref: https://docs.aws.amazon.com/glue/latest/dg/connection-properties.html#connection-properties-jdbc
#   - ref: https://docs.aws.amazon.com/glue/latest/webapi/API_ConnectionInput.html
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/glue_connection#connection_properties
# custom:
#   id: PAL-AWS-GLUE-004
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_glue_connection]
#   frameworks: {}
#   references: {}
#   cwe: ["CWE-319"]
#   remediation: >-
#     Set JDBC_ENFORCE_SSL = "true" in connection_properties; the database must accept SSL with a
#     certificate whose name matches the host in JDBC_CONNECTION_URL.
#   fixable: true
package palisade.aws.glue.connection_ssl_not_enforced

# Round 33 (Prowler glue_database_connections_ssl_enabled). The fix writes the property into the
# connection_properties map (or turns "false" into "true"), as RDS-019 writes rds.force_ssl: a
# database that cannot serve TLS has to be given it first, as the remediation says.

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

key := "JDBC_ENFORCE_SSL"

deny contains result.fail_fix(r, path, msg, [result.set(["connection_properties", key], "true")]) if {
	some r in tf.resources("aws_glue_connection")
	jdbc(r)
	props := object.get(r.config, "connection_properties", {})
	is_object(props)
	not unknown.is_unknown(props)
	not ssl_enforced_or_unknown(props)
	path := where(props)
	msg := sprintf("%s connects to its database without requiring SSL (JDBC_ENFORCE_SSL is not \"true\")", [r.address])
}

# connection_type defaults to JDBC.
jdbc(r) if object.get(r.config, "connection_type", null) == null

jdbc(r) if upper(unknown.known_string(r.config.connection_type)) == "JDBC"

ssl_enforced_or_unknown(props) if unknown.is_unknown(object.get(props, key, null))

ssl_enforced_or_unknown(props) if unknown.is_true(object.get(props, key, null))

# Review of round 33: the Glue API reference calls the property a case-insensitive Boolean string.
ssl_enforced_or_unknown(props) if lower(unknown.known_string(object.get(props, key, null))) == "true"

# The property when written (false), else the map.
where(props) := ["connection_properties", key] if key in object.keys(props)

else := ["connection_properties"]
