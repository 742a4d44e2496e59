# METADATA
# title: ElastiCache replication group does not encrypt traffic in transit
# description: |
#   Without in-transit encryption, clients and replicas talk to Redis in clear text, so anyone
#   able to observe VPC traffic can read cached data and session tokens, and AUTH tokens cannot be
#   used. transit_encryption_mode = "preferred" (the migration step) still accepts clients that
#   connect in clear text, so it is reported too, until "required".
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonElastiCache/latest/red-ug/in-transit-encryption.html
#   - ref: https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/in-transit-encryption-enable.html
# custom:
#   id: PAL-AWS-ELASTICACHE-002
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_elasticache_replication_group, "module:terraform-aws-modules/elasticache/aws"]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_30
#     trivy: AVD-AWS-0051
#     kics: 1afbb3fa-cf6c-4a3d-b730-95e9f4df343e
#   cwe: ["CWE-319"]
#   remediation: >-
#     Set transit_encryption_enabled = true once every client connects with TLS. A new group is
#     then created with transit_encryption_mode "required". On an existing group the provider
#     replaces the group below Redis 7.0.5 (take a snapshot first: a new, empty group is created).
#     From 7.0.5 it is changed in place, in two applies: transit_encryption_enabled = true with
#     transit_encryption_mode = "preferred" (both kinds of connection), then "required" once the
#     clients use TLS. AWS refuses enabling without "preferred" on an existing group, so the fix
#     is not offered when engine_version says 7.0.5 or later (or cannot be read); "preferred" is
#     reported until "required".
#   fixable: true
package palisade.aws.elasticache.transit_encryption_disabled

import data.palisade.lib.fixes
import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

types := {"aws_elasticache_replication_group"}

# The fix writes transit_encryption_enabled = true, which AWS applies on a new group (mode
# "required") and, below Redis 7.0.5, on an existing one by replacing it (the provider's ForceNew,
# as for at-rest encryption). From 7.0.5 an existing group changes in place, but ModifyReplicationGroup
# must then carry transit_encryption_mode = "preferred" in the same request, and "required" only
# in a later one: the one-step edit fails there, and the two-step one cannot be a single verified
# fix (the "preferred" state is itself a finding), so those groups get the finding without a fix,
# its message naming the steps. An unset engine_version (an existing group then keeps the engine it
# was created with, unless upgraded outside this configuration) keeps the fix; the remediation
# warns about the in-place case.
deny contains fixes.finding(r, ["transit_encryption_enabled"], message(r, version), fix_ops(version)) if {
	some r in input.resources
	r.type in types

	# A Global Datastore secondary takes its transit encryption from the global group (its primary).
	not tf.has_attr(r, ["global_replication_group_id"])
	bad(object.get(r.config, "transit_encryption_enabled", null))
	version := object.get(r.config, "engine_version", null)
}

# Opaque terraform-aws-modules/elasticache calls pass transit_encryption_enabled (default true) and
# engine_version.
deny contains fixes.finding(m, ["transit_encryption_enabled"], message(m, version), fix_ops(version)) if {
	some m in modules.elasticache_groups
	unknown.is_false(m.config.transit_encryption_enabled)
	version := object.get(m.config, "engine_version", null)
}

# "preferred" accepts clear-text clients: the finding stays until "required", the documented second
# step, which AWS applies in place (the mode exists only on 7.0.5 and later). Only where transit
# encryption itself is not already reported (a module's unset argument is its default, true).
deny contains result.fail_fix(r, ["transit_encryption_mode"], preferred_msg(r), to_required) if {
	some r in input.resources
	r.type in types
	not tf.has_attr(r, ["global_replication_group_id"])
	unknown.known_string(r.config.transit_encryption_mode) == "preferred"
	not bad(object.get(r.config, "transit_encryption_enabled", null))
}

deny contains result.fail_fix(m, ["transit_encryption_mode"], preferred_msg(m), to_required) if {
	some m in modules.elasticache_groups
	unknown.known_string(m.config.transit_encryption_mode) == "preferred"
	not unknown.is_false(object.get(m.config, "transit_encryption_enabled", true))
}

preferred_msg(r) := sprintf(`%s accepts unencrypted connections (transit_encryption_mode = "preferred")`, [r.address])

to_required := [result.set(["transit_encryption_mode"], "required")]

fix_ops(version) := [result.set(["transit_encryption_enabled"], true)] if {
	not in_place_version(version)
} else := []

message(r, version) := sprintf("%s does not encrypt traffic in transit", [r.address]) if {
	not in_place_version(version)
} else := sprintf("%s does not encrypt traffic in transit (%s)", [r.address, in_place_reason(version)])

in_place_reason(version) := sprintf("no fix: with %s, %s", [version_label(version), two_applies])

two_applies := `an existing group is changed in place in two applies, transit_encryption_mode = "preferred" first, then "required"`

version_label(version) := sprintf("engine_version %q", [version]) if is_string(version)

else := "an engine_version that may be 7.0.5 or later"

# in_place_version(v): engine_version v is, or may be, 7.0.5 or later (the provider changes transit
# encryption in place from there): an unknown value, or a known one not below 7.0.5. "7.0" means the
# latest 7.0 patch (7.0.7); Valkey starts at 7.2.
in_place_version(v) if unknown.is_unknown(v)

in_place_version(v) if {
	is_string(v)
	not below_7_0_5(v)
}

below_7_0_5(v) if {
	parts := split(v, ".")
	to_number(parts[0]) < 7
}

below_7_0_5(v) if {
	parts := split(v, ".")
	parts[0] == "7"
	parts[1] == "0"
	regex.match(`^[0-9]+$`, parts[2])
	to_number(parts[2]) < 5
}

bad(null) := true

bad(v) if unknown.is_false(v)
