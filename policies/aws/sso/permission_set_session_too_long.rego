# METADATA
# title: IAM Identity Center permission set sessions last longer than one hour
# description: |
#   session_duration of the permission set is longer than PT1H. A console or CLI session taken
#   over on an unattended or compromised machine keeps its access for that long, without the
#   user signing in again.
# related_resources:
#   - ref: https://docs.aws.amazon.com/singlesignon/latest/userguide/howtosessionduration.html
# custom:
#   id: PAL-AWS-SSO-001
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_ssoadmin_permission_set]
#   frameworks: {}
#   references:
#     kics: ce9dfce0-5fc8-433b-944a-3b16153111a8
#   cwe: ["CWE-613"]
#   remediation: Set session_duration to "PT1H" or shorter.
#   fixable: true
package palisade.aws.sso.permission_set_session_too_long

import data.palisade.lib.result

max_seconds := 3600

# Unset session_duration is the default of PT1H.
deny contains result.fail_fix(r, ["session_duration"], msg, [result.set(["session_duration"], "PT1H")]) if {
	some r in input.resources
	r.type == "aws_ssoadmin_permission_set"
	duration := r.config.session_duration
	seconds(duration) > max_seconds
	msg := sprintf("%s allows sessions of %s, longer than one hour", [r.address, duration])
}

# seconds(d): an ISO 8601 time duration (PT#H#M#S) in seconds; undefined for anything else.
seconds(d) := total if {
	is_string(d)
	parts := regex.find_all_string_submatch_n(`^PT(?:([0-9]+)H)?(?:([0-9]+)M)?(?:([0-9]+)S)?$`, upper(d), 1)
	count(parts) == 1
	total := ((number_or_zero(parts[0][1]) * 3600) + (number_or_zero(parts[0][2]) * 60)) + number_or_zero(parts[0][3])
}

number_or_zero("") := 0

number_or_zero(s) := to_number(s) if s != ""
