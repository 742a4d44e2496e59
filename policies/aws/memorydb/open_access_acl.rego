# METADATA
# title: MemoryDB cluster uses the open-access ACL
# description: |
#   open-access is MemoryDB's built-in ACL that lets every connection in as the default user, with
#   no password and every command allowed: anyone who reaches the cluster's port, from any
#   instance or container the security groups admit, can read and write all data, flush it or
#   change its configuration. An ACL of MemoryDB users (password or IAM authentication, with access
#   strings that limit keys and commands) authenticates each client. It needs TLS, which is what
#   MemoryDB requires for any ACL but open-access.
# related_resources:
#   - ref: https://docs.aws.amazon.com/memorydb/latest/devguide/clusters.acls.html
#   - ref: https://docs.aws.amazon.com/memorydb/latest/devguide/auth-iam.html
# custom:
#   id: PAL-AWS-MEMORYDB-002
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_memorydb_cluster, "module:terraform-aws-modules/memory-db/aws"]
#   frameworks: {}
#   references: {}
#   cwe: ["CWE-306"]
#   remediation: >-
#     Create aws_memorydb_user resources (password or IAM authentication, with the narrowest access
#     string each client needs) and an aws_memorydb_acl that lists them, and set the cluster's
#     acl_name to that ACL; the cluster must have TLS (tls_enabled, true by default).
#   fixable: false
package palisade.aws.memorydb.open_access_acl

import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

# No fix: the users, their passwords or IAM identities and access strings are the owner's to
# choose, and clients must then authenticate, which no edit here can arrange.
deny contains result.fail(r, ["acl_name"], msg) if {
	some r in tf.resources("aws_memorydb_cluster")
	unknown.known_string(r.config.acl_name) == "open-access"
	msg := sprintf("%s lets any client connect without authentication (acl_name = \"open-access\")", [r.address])
}

# Opaque terraform-aws-modules/memory-db calls create an ACL of their users unless create_acl = false,
# when acl_name names the ACL the cluster uses.
deny contains result.fail(m, ["acl_name"], msg) if {
	some m in modules.memorydb_clusters
	unknown.is_false(m.config.create_acl)
	unknown.known_string(m.config.acl_name) == "open-access"
	msg := sprintf("%s lets any client connect without authentication (acl_name = \"open-access\")", [m.address])
}
