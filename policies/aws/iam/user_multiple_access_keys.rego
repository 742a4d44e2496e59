# METADATA
# title: IAM user has more than one active access key
# description: |
#   Two or more active aws_iam_access_key resources belong to the same IAM user. Every extra
#   long-lived key is one more secret to leak and to rotate; a second key is only meant to exist
#   briefly during rotation.
# related_resources:
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html#rotating_access_keys_console
# custom:
#   id: PAL-AWS-IAM-020
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_iam_access_key]
#   frameworks:
#     cis-aws-2.0: ["1.13"]
#   references:
#     kics: 3561130e-9c5f-485b-9e16-2764c82763e5
#     trivy: AVD-AWS-0167
#   remediation: Keep one active access key per user; deactivate or delete the others once rotation is done.
#   fixable: false
#   allow_unknown: true
package palisade.aws.iam.user_multiple_access_keys

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

# owner(key): the user a key belongs to: the known name of the referenced user, else the referenced
# resource, else the known user name.
owner(key) := concat("", ["name:", name]) if {
	# A user resource of known name is that name, so a key naming the user literally
	# (`user = "bob"`) and one referencing aws_iam_user.bob are the same user's.
	some ref in key.references
	ref.path == ["user"]
	some user in tf.resources("aws_iam_user")
	tf.refers_to(ref.target, user.address)
	name := unknown.known_string(user.config.name)
} else := ref.target if {
	some ref in key.references
	ref.path == ["user"]
} else := concat("", ["name:", unknown.known_string(key.config.user)])

active_keys := [key |
	some key in input.resources
	key.type == "aws_iam_access_key"
	active(key)
]

# owners: each active key's owner, computed once (owner looks through the unit's users).
owners[key.address] := owner(key) if {
	some key in active_keys
}

deny contains result.fail(key, ["user"], msg) if {
	some key in active_keys
	user := owners[key.address]
	siblings := [other.address | some other in active_keys; owners[other.address] == user]
	count(siblings) > 1
	msg := sprintf("%s is one of %d active access keys of the same user", [key.address, count(siblings)])
}

# active(key): status unset (the default, Active) or known to be Active; unknown is neither.
active(key) if object.get(key.config, "status", null) == null

active(key) if key.config.status == "Active"
