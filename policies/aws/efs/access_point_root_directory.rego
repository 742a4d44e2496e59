# METADATA
# title: EFS access point does not enforce a root directory
# description: |
#   The access point sets no root_directory, or its path is "/", so every client that mounts
#   through it sees the whole file system rather than the directory meant for the application.
#   Access points exist to give each application its own entry point into a shared file system;
#   one that exposes the root lets that application read and change every other application's
#   files (subject only to POSIX permissions). AWS Security Hub control EFS.3 fails access points
#   whose path is "/".
# related_resources:
#   - ref: https://docs.aws.amazon.com/efs/latest/ug/enforce-root-directory-access-point.html
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/efs-controls.html#efs-3
# custom:
#   id: PAL-AWS-EFS-004
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_efs_access_point]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_329
#   cwe: ["CWE-732"]
#   remediation: |
#     Set root_directory { path = "/<application>" } (with creation_info so EFS creates the
#     directory with the owner and permissions the application's POSIX user needs).
#   fixable: false
package palisade.aws.efs.access_point_root_directory

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

msg(r) := sprintf("%s gives its clients the file system's root directory (/)", [r.address])

# No fix: the directory an application should see is the author's choice, and moving the data
# into it is theirs too. Without a root_directory block EFS uses "/".
deny contains result.fail(r, ["root_directory"], msg(r)) if {
	some r in tf.resources("aws_efs_access_point")
	absent(r)
}

deny contains result.fail(r, path, msg(r)) if {
	some r in tf.resources("aws_efs_access_point")
	some i, rd in tf.blocks(r, "root_directory")
	is_object(rd)
	path := root_path(rd, i)
}

absent(r) if tf.missing_attr(r, ["root_directory"])

absent(r) if r.config.root_directory == []

# A block without path keeps the default "/": the finding is on the block.
root_path(rd, i) := ["root_directory", i] if object.get(rd, "path", null) == null

root_path(rd, i) := ["root_directory", i, "path"] if {
	p := trim_space(unknown.known_string(rd.path))
	trim_right(p, "/") == ""
}
