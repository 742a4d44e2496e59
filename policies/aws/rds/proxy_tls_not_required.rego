# METADATA
# title: RDS Proxy does not require TLS
# description: |
#   An aws_db_proxy accepts plain-text client connections unless require_tls is true (the
#   provider's default is false): the database credentials the client sends or the IAM
#   authentication token, and every query and result, then cross the network unencrypted between
#   the application and the proxy. With require_tls the proxy refuses connections that do not use
#   TLS.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/rds-proxy.howitworks.html#rds-proxy-security.tls
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/db_proxy#require_tls
# custom:
#   id: PAL-AWS-RDS-018
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_db_proxy]
#   frameworks: {}
#   references: {}
#   cwe: ["CWE-319"]
#   remediation: Set require_tls = true once the clients connect to the proxy with TLS.
#   fixable: true
package palisade.aws.rds.proxy_tls_not_required

# require_tls is changed in place (ModifyDBProxy RequireTLS); clients that still connect without
# TLS are then refused, which is the point of the setting. HashiCorp policy library round 27.

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

path := ["require_tls"]

deny contains result.fail_fix(r, path, msg, [result.set(path, true)]) if {
	some r in tf.resources("aws_db_proxy")
	tls := object.get(r.config, "require_tls", null)
	not_required(tls)
	msg := sprintf("%s accepts client connections without TLS (require_tls is %s)", [r.address, shown(tls)])
}

not_required(null)

not_required(v) if unknown.is_false(v)

shown(null) := "not set"

shown(v) := "false" if v != null
