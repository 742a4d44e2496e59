# METADATA
# title: Neptune IAM database authentication is not enabled
# description: |
#   Without IAM database authentication, any client that can reach the cluster endpoint can query
#   it: Neptune has no other built-in authentication. With it, every request must be signed (SigV4)
#   by an IAM principal allowed neptune-db actions.
# related_resources:
#   - ref: https://docs.aws.amazon.com/neptune/latest/userguide/iam-auth.html
# custom:
#   id: PAL-AWS-NEPTUNE-003
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_neptune_cluster]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_359
#     kics: c91d7ea0-d4d1-403b-8fe1-c9961ac082c5
#   remediation: Set iam_database_authentication_enabled = true and grant clients neptune-db:* on the cluster.
#   fixable: true
package palisade.aws.neptune.iam_auth_disabled

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

deny contains result.fail_fix(r, path, msg, [result.set(path, true)]) if {
	some r in tf.resources("aws_neptune_cluster")
	path := ["iam_database_authentication_enabled"]
	unknown.not_true(tf.attr(r, path))
	msg := sprintf("%s does not require IAM database authentication", [r.address])
}
