# METADATA
# title: DocumentDB cluster parameter group turns TLS off
# description: |
#   DocumentDB requires TLS for client connections unless the cluster parameter group sets the tls
#   parameter to disabled; clusters using the group then accept plain-text connections, so
#   credentials and query results cross the network unencrypted. The other values (enabled,
#   tls1.2+, tls1.3+, fips-140-3) all require TLS.
# related_resources:
#   - ref: https://docs.aws.amazon.com/documentdb/latest/developerguide/security.encryption.ssl.html
# custom:
#   id: PAL-AWS-DOCDB-004
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_docdb_cluster_parameter_group]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_90
#   cwe: ["CWE-319"]
#   remediation: Set the tls parameter to enabled (or tls1.2+) once the clients connect with the Amazon DocumentDB CA bundle.
#   fixable: true
package palisade.aws.docdb.parameter_group_tls_disabled

# The fix sets tls back to enabled, DocumentDB's default, as the pack's other in-transit fixes
# require encryption: clients that connect without TLS have to move first (the remediation says
# so), and the change takes effect at the instances' next reboot.

import data.palisade.lib.result
import data.palisade.lib.tf

# Only an explicit "disabled" is reported (the default is enabled); an unknown name or value
# (a dynamic block over a variable) is not judged.
deny contains result.fail_fix(r, ["parameter", i, "value"], msg, [result.set(["parameter", i, "value"], "enabled")]) if {
	some r in tf.resources("aws_docdb_cluster_parameter_group")
	some i, p in tf.blocks(r, "parameter")
	p.name == "tls"
	is_string(p.value)
	lower(p.value) == "disabled"
	msg := sprintf("%s sets tls to disabled: clusters using it accept connections without TLS", [r.address])
}
