# METADATA
# title: Athena workgroup does not encrypt query results
# description: |
#   A workgroup whose result configuration has no encryption_configuration stores query results in
#   S3 unencrypted unless each client opts in. Setting encryption on the workgroup (and enforcing
#   the workgroup configuration) makes every query's results encrypted. Workgroups that keep results
#   in Athena managed storage (managed_query_results_configuration enabled) are always encrypted.
#   A workgroup that encrypts but sets enforce_workgroup_configuration = false is reported too:
#   each client may then override the result settings, encryption included. Where the
#   configuration writes enforce_workgroup_configuration = false no fix is offered: enforcing
#   overrides every client's result location as well, and Athena then fails any CTAS query that
#   names an external_location (dbt on Athena writes its tables so), so the owner decides.
# related_resources:
#   - ref: https://docs.aws.amazon.com/athena/latest/ug/workgroups-procedure.html
#   - ref: https://docs.aws.amazon.com/athena/latest/ug/workgroups-settings-override.html
#   - ref: https://docs.aws.amazon.com/athena/latest/ug/workgroups-troubleshooting.html
# custom:
#   id: PAL-AWS-ATHENA-002
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_athena_workgroup]
#   frameworks: {}
#   references:
#     checkov: [CKV_AWS_159, CKV_AWS_82]
#     trivy: AVD-AWS-0007
#     kics: d364984a-a222-4b5f-a8b0-e23ab19ebff3
#   cwe: ["CWE-311"]
#   remediation: Set configuration.result_configuration.encryption_configuration (SSE_S3, SSE_KMS or CSE_KMS).
#   fixable: true
package palisade.aws.athena.workgroup_not_encrypted

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

# The peers' ids of each part (docs/rules-authoring.md, "Peer ids per part"): Checkov's
# AthenaWorkgroupEncryption and the KICS query read the encryption option; Checkov's
# AthenaWorkgroupConfiguration and Trivy's no-encryption-override read
# enforce_workgroup_configuration only, so a skip of those must not silence missing encryption.
unencrypted_peers := {"checkov": ["CKV_AWS_159"], "kics": ["d364984a-a222-4b5f-a8b0-e23ab19ebff3"]}

override_peers := {"checkov": ["CKV_AWS_82"], "trivy": ["AVD-AWS-0007"]}

# One finding at the first missing level (configuration, result_configuration or
# encryption_configuration); the fix sets SSE_S3 encryption, creating the missing blocks. A
# workgroup that does not enforce its configuration gets no fix: encrypting it reveals the
# override finding below, which has none (held-out round 24: MoJ's dbt workgroups).
deny contains result.with_peers(finding, unencrypted_peers) if {
	some r in tf.resources("aws_athena_workgroup")
	not managed_results(r)
	path := missing_level(r)
	msg := sprintf("%s does not encrypt query results", [r.address])
	finding := unencrypted_finding(r, path, msg)
}

# Encryption configured but not enforced: clients may override the workgroup's result settings
# (encryption included) per query, so the workgroup's encryption is a default, not a guarantee.
# Only an explicit false counts (also the string "false", which Terraform converts for a bool
# argument, as a variable's default often is): the provider's default is true. No fix: enforcing
# also imposes the workgroup's result location, and a CTAS query naming external_location then
# fails (AWS, "Troubleshoot workgroup errors"); the author chose false, so the author decides.
deny contains result.with_peers(result.fail(r, path, msg), override_peers) if {
	some r in tf.resources("aws_athena_workgroup")
	not managed_results(r)
	not missing_level(r)
	some i, c in tf.blocks(r, "configuration")
	unknown.is_false(object.get(c, "enforce_workgroup_configuration", null))
	path := ["configuration", i, "enforce_workgroup_configuration"]
	msg := sprintf("%s lets clients override its result encryption (enforce_workgroup_configuration = false)", [r.address])
}

unencrypted_finding(r, path, msg) := result.fail(r, path, msg) if {
	not_enforced(r)
} else := result.fail_fix(r, path, msg, [result.set(array.concat(path, rest(path)), "SSE_S3")])

not_enforced(r) if {
	some c in tf.blocks(r, "configuration")
	unknown.is_false(object.get(c, "enforce_workgroup_configuration", null))
}

# Managed query results (Athena-owned storage) are always encrypted, with an AWS owned key unless
# the block names a customer managed one; there is no S3 result location to encrypt then.
managed_results(r) if {
	some c in tf.blocks(r, "configuration")
	some m in unknown.items(object.get(c, "managed_query_results_configuration", []))
	not unknown.is_false(object.get(m, "enabled", false))
	object.get(m, "enabled", false) != false
}

rest(path) := [0, "result_configuration", 0, "encryption_configuration", 0, "encryption_option"] if path[count(path) - 1] == "configuration"

rest(path) := [0, "encryption_configuration", 0, "encryption_option"] if path[count(path) - 1] == "result_configuration"

rest(path) := [0, "encryption_option"] if path[count(path) - 1] == "encryption_configuration"

missing_level(r) := ["configuration"] if {
	tf.missing_attr(r, ["configuration"])
} else := path if {
	some i, c in tf.blocks(r, "configuration")
	path := nested_missing(c, ["configuration", i])
}

nested_missing(c, prefix) := array.concat(prefix, ["result_configuration"]) if {
	tf.missing_attr({"config": c}, ["result_configuration"])
} else := array.concat(prefix, ["result_configuration", j, "encryption_configuration"]) if {
	some j, rc in tf.blocks({"config": c}, "result_configuration")
	tf.missing_attr({"config": rc}, ["encryption_configuration"])
}
