# METADATA
# title: DMS MongoDB endpoint connects without authentication
# description: |
#   mongodb_settings.auth_type = "no" makes the replication instance connect to the MongoDB source
#   without credentials, which works only when the database itself admits anonymous clients: every
#   collection DMS migrates is then readable by whoever reaches the server. DMS authenticates
#   with a user name and password when auth_type is "password" (the provider's default), and AWS
#   Security Hub (DMS.11) asks every MongoDB endpoint to use an authentication mechanism.
#   There is no mechanical fix: the endpoint needs a database user and its password.
# related_resources:
#   - ref: https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.MongoDB.html
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/dms-controls.html#dms-11
# custom:
#   id: PAL-AWS-DMS-004
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_dms_endpoint]
#   frameworks: {}
#   cwe: ["CWE-306"]
#   remediation: >-
#     Set mongodb_settings.auth_type = "password" (with auth_mechanism and auth_source as the
#     database needs) and give the endpoint username and password, or a Secrets Manager secret.
#   fixable: false
package palisade.aws.dms.mongodb_endpoint_without_authentication

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

deny contains result.fail(r, path, msg) if {
	some r in tf.resources("aws_dms_endpoint")
	lower(unknown.known_string(r.config.engine_name)) == "mongodb"
	some i, settings in tf.blocks(r, "mongodb_settings")
	lower(unknown.known_string(settings.auth_type)) == "no"
	path := ["mongodb_settings", i, "auth_type"]
	msg := sprintf("%s reads its MongoDB source without authentication (auth_type = \"no\")", [r.address])
}
