# METADATA
# title: DMS endpoint does not encrypt its database connection
# description: |
#   ssl_mode is "none" (the provider's default when unset), so the replication instance talks to
#   the source or target database in plain text: the database credentials and every migrated row
#   cross the network unencrypted. Only engines whose DMS endpoint takes an SSL mode are judged
#   (MySQL, MariaDB and Aurora MySQL, PostgreSQL and Aurora PostgreSQL, Babelfish, Oracle,
#   SQL Server, SAP ASE, Db2, MongoDB and DocumentDB); S3, DynamoDB, Kinesis, Kafka, OpenSearch,
#   Neptune and Redshift endpoints encrypt their connections without it, and Azure SQL endpoints
#   are left alone (the server enforces encryption). A Redis target takes its TLS setting in
#   redis_settings: ssl_security_protocol = "plaintext" is judged the same way (unset is
#   ssl-encryption). Opaque terraform-aws-modules/dms calls are judged by each entry of their
#   `endpoints` map that becomes an aws_dms_endpoint (the module passes ssl_mode and
#   redis_settings through, null when the entry leaves them out).
# related_resources:
#   - ref: https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Security.SSL.html
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/dms-controls.html
# custom:
#   id: PAL-AWS-DMS-002
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_dms_endpoint, "module:terraform-aws-modules/dms/aws"]
#   frameworks: {}
#   references:
#     checkov: CKV2_AWS_49
#   cwe: ["CWE-319"]
#   remediation: Set ssl_mode to "require", or "verify-ca"/"verify-full" with certificate_arn, as the engine supports.
#   fixable: false
package palisade.aws.dms.endpoint_ssl_disabled

import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

# Engines whose endpoint takes ssl_mode (DMS user guide, "Using SSL with AWS DMS").
ssl_engines := {
	"aurora", "aurora-serverless", "mysql", "mariadb",
	"aurora-postgresql", "aurora-postgresql-serverless", "postgres", "babelfish",
	"oracle", "sqlserver", "sybase", "db2", "db2-zos", "mongodb", "docdb",
}

# No fix: which modes an engine accepts (Oracle takes only verify-ca, with a wallet) and whether a
# CA certificate must be imported first are the owner's to settle.
deny contains result.fail(r, path, msg) if {
	some r in tf.resources("aws_dms_endpoint")
	engine(r.config) in ssl_engines
	some path, what in plain(r)
	msg := sprintf("%s connects to its %s database without SSL (%s)", [r.address, r.config.engine_name, what])
}

# Redis targets: TLS is redis_settings.ssl_security_protocol, "ssl-encryption" unless set to
# "plaintext" (Checkov's example_DMSRedisEndpointTLS).
deny contains result.fail(r, path, msg) if {
	some r in tf.resources("aws_dms_endpoint")
	engine(r.config) == "redis"
	some i, settings in tf.blocks(r, "redis_settings")
	redis_plaintext(settings)
	path := ["redis_settings", i, "ssl_security_protocol"]
	msg := redis_msg(r.address)
}

# terraform-aws-modules/dms: each `endpoints` entry without s3_settings is an aws_dms_endpoint
# (entries with s3_settings become aws_dms_s3_endpoint), with ssl_mode = try(entry.ssl_mode, null)
# and the entry's redis_settings object as the one redis_settings block. Reported on the entry.
deny contains result.fail(m, array.concat(["endpoints", key], path), msg) if {
	some [m, key, entry] in module_endpoints
	engine(entry) in ssl_engines
	some path, what in plain({"config": entry})
	msg := sprintf("endpoint %s of %s connects to its %s database without SSL (%s)", [key, m.address, entry.engine_name, what])
}

deny contains result.fail(m, ["endpoints", key, "redis_settings", "ssl_security_protocol"], msg) if {
	some [m, key, entry] in module_endpoints
	engine(entry) == "redis"
	settings := object.get(entry, "redis_settings", null)
	is_object(settings)
	redis_plaintext(settings)
	msg := redis_msg(sprintf("endpoint %s of %s", [key, m.address]))
}

module_endpoints contains [m, key, entry] if {
	some m in modules.opaque_calls("dms")
	modules.creates(m, ["create"])
	endpoints := object.get(m.config, "endpoints", {})
	is_object(endpoints)
	not unknown.is_unknown(endpoints)
	some key, entry in endpoints
	is_object(entry)
	not unknown.is_unknown(entry)
	object.get(entry, "s3_settings", null) == null
}

# Unset or "": the provider sends no mode and DMS uses none.
plain(r) := {[]: "ssl_mode is not set"} if tf.missing_attr(r, ["ssl_mode"])

plain(r) := {["ssl_mode"]: "ssl_mode = \"none\""} if lower(unknown.known_string(r.config.ssl_mode)) == "none"

# The resource and the dms module's endpoint entries are judged alike: the engine, and Redis's
# TLS switch (redis_settings.ssl_security_protocol = "plaintext" sends data and AUTH in clear).
engine(config) := lower(unknown.known_string(config.engine_name))

redis_plaintext(settings) if lower(unknown.known_string(object.get(settings, "ssl_security_protocol", null))) == "plaintext"

redis_msg(who) := sprintf("%s connects to its redis database without TLS (ssl_security_protocol = \"plaintext\")", [who])
