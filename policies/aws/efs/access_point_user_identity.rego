# METADATA
# title: EFS access point does not enforce a user identity
# description: |
#   The access point has no posix_user, so EFS applies the user and group IDs that each NFS client
#   sends. A client that runs as root (UID 0) or claims another application's UID gets that
#   identity's access to every file the access point reaches. With posix_user set, EFS replaces
#   the client's identity with the one given for every request through the access point. AWS
#   Security Hub control EFS.4 fails access points without a POSIX user.
# related_resources:
#   - ref: https://docs.aws.amazon.com/efs/latest/ug/enforce-identity-access-points.html
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/efs-controls.html#efs-4
# custom:
#   id: PAL-AWS-EFS-005
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_efs_access_point]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_330
#   cwe: ["CWE-284"]
#   remediation: Add posix_user { uid = <uid>, gid = <gid> } with the IDs the application's files belong to.
#   fixable: false
package palisade.aws.efs.access_point_user_identity

import data.palisade.lib.result
import data.palisade.lib.tf

# No fix: the user and group IDs must match the owner of the application's files.
deny contains result.fail(r, ["posix_user"], msg) if {
	some r in tf.resources("aws_efs_access_point")
	absent(r)
	msg := sprintf("%s does not enforce a POSIX user: clients act with whatever user and group IDs they send", [r.address])
}

absent(r) if tf.missing_attr(r, ["posix_user"])

absent(r) if r.config.posix_user == []
