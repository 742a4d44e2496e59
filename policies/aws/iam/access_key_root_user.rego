# METADATA
# title: IAM access key is created for a user named root
# description: |
#   An active aws_iam_access_key is issued to an IAM user called "root". Long-lived keys for an
#   identity named like the account root user invite confusion in reviews and incident response
#   ("is the root user's key exposed?") and are typically broad-privilege break-glass keys that
#   should not exist at all; the real root user should have no access keys.
# related_resources:
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user.html#id_root-user_manage_delete-key
# custom:
#   id: PAL-AWS-IAM-019
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_iam_access_key]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_348
#     trivy: AVD-AWS-0141
#     kics: [7081f85c-b94d-40fd-8b45-a4f1cac75e46, 970d224d-b42a-416b-81f9-8f4dfe70c4bc]
#   cwe: ["CWE-250"]
#   remediation: Do not create access keys for a user named root; use a role for automation and keep break-glass access on the root user with MFA.
#   fixable: true
package palisade.aws.iam.access_key_root_user

import data.palisade.lib.result
import data.palisade.lib.unknown

# The fix deactivates the key (status "Inactive"): reversible, and it keeps the key's history.
deny contains result.fail_fix(r, ["user"], msg, [result.set(["status"], "Inactive")]) if {
	some r in input.resources
	r.type == "aws_iam_access_key"
	lower(unknown.known_string(object.get(r.config, "user", null))) == "root"
	active(r)
	msg := sprintf("%s is an active access key for a user named root", [r.address])
}

# active(key): status unset (the default, Active) or known to be Active; unknown is neither.
active(key) if object.get(key.config, "status", null) == null

active(key) if key.config.status == "Active"
