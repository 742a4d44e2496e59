# METADATA
# title: Lightsail database is publicly accessible
# description: |
#   publicly_accessible = true makes the managed database's endpoint reachable from outside the
#   account's Lightsail resources in its Region, from any address on the internet, so it is exposed
#   to password guessing and to the engine's vulnerabilities. Lightsail databases are private by
#   default; make one public only for a short, deliberate task.
# related_resources:
#   - ref: https://docs.aws.amazon.com/lightsail/2016-11-28/api-reference/API_UpdateRelationalDatabase.html
#   - ref: https://docs.aws.amazon.com/lightsail/latest/userguide/amazon-lightsail-configuring-database-public-mode.html
# custom:
#   id: PAL-AWS-LIGHTSAIL-002
#   severity: high
#   formats: [terraform]
#   resource_types: [aws_lightsail_database]
#   frameworks: {}
#   references: {}
#   cwe: ["CWE-668"]
#   remediation: Set publicly_accessible = false (the default) and connect from Lightsail instances or peered VPC resources.
#   fixable: true
package palisade.aws.lightsail.database_publicly_accessible

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

# The fix sets the provider's default back; Lightsail switches the database to private mode in
# place (UpdateRelationalDatabase), no replacement.
deny contains result.fail_fix(r, ["publicly_accessible"], msg, [result.set(["publicly_accessible"], false)]) if {
	some r in tf.resources("aws_lightsail_database")
	unknown.is_true(object.get(r.config, "publicly_accessible", null))
	msg := sprintf("%s is publicly accessible", [r.address])
}
