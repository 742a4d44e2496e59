# METADATA
# title: Fix helpers
# description: |
#   Shared pieces of rule fixes: one finding per fault whether or not a fix applies, and the
#   customer managed KMS key a rule adds when a resource is encrypted with an AWS managed key.
package palisade.lib.fixes

import data.palisade.lib.cis_alarms
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

# finding is result.fail_fix when ops holds operations and result.fail otherwise, so a rule emits
# the same single finding whether or not it can offer a fix for it.
finding(r, path, msg, ops) := result.fail_fix(r, path, msg, ops) if {
	count(ops) > 0
} else := result.fail(r, path, msg)

# can_add_resource(r) holds when a new resource beside r can reference r by plain address: not one
# instance of a count/for_each resource (one new block would serve every instance) and not inside
# a module (the module's code is shared by all its callers).
can_add_resource(r) if {
	not r.index
	not r.module
}

# key_ops(r) are the operations that give r a customer managed key (rotated, 30-day deletion
# window) named after it: none when a fix already added that key (several findings on one resource
# share it), else the new key. Undefined when no key can be added: a key of that name exists that
# a fix did not add, or r cannot be referenced by a plain address (see can_add_resource).
key_ops(r) := [] if {
	can_add_resource(r)
	some k in tf.resources("aws_kms_key")
	k.name == r.name
	object.get(k.config, "description", null) == key_description(r)
} else := [cmk_key(r)] if {
	can_add_resource(r)
	not key_named(r.name)
}

key_named(name) if {
	some k in tf.resources("aws_kms_key")
	k.name == name
}

key_description(r) := sprintf("Customer managed key for %s.%s", [r.type, r.name])

# cmk_set(r, path) gives r its key (key_ops) and sets path to the key's ARN; [] when it cannot.
cmk_set(r, path) := ops if {
	ops := array.concat(key_ops(r), [result.set(path, cmk_arn(r))])
} else := []

# cmk_add_block(r, parent, block_type, key_attr, config) gives r its key and adds a block_type block
# under parent holding config plus key_attr = the key's ARN (merged into the block when one exists);
# [] when it cannot.
cmk_add_block(r, parent, block_type, key_attr, config) := ops if {
	block := result.add_block(parent, block_type, object.union(config, {key_attr: cmk_arn(r)}))
	ops := array.concat(key_ops(r), [block])
} else := []

cmk_key(r) := result.add_resource("aws_kms_key", r.name, {
	"description": key_description(r),
	"deletion_window_in_days": 30,
	"enable_key_rotation": true,
})

cmk_arn(r) := result.expr(sprintf("aws_kms_key.%s.arn", [r.name]))

# complete_cis_filter(filter, pattern) sets the pattern of a CIS metric filter that falls short
# (every term it has belongs to the CIS pattern, some are missing) to the CIS pattern, when an
# alarm already watches the filter; [] otherwise. The pattern is the benchmark's, not a choice.
complete_cis_filter(filter, pattern) := [result.set(["pattern"], pattern)] if {
	filter.type == cis_alarms.filter_type
	current := unknown.known_string(filter.config.pattern)
	cis_terms := {term | some terms in cis_alarms.parts(pattern); some term in terms}
	current_terms := {term | some terms in cis_alarms.parts(current); some term in terms}
	count(current_terms) > 0
	every term in current_terms {
		term in cis_terms
	}
	cis_alarms.alarmed(filter)
} else := []

# cis_event_pattern(names) is a metric filter pattern matching any of the CloudTrail event names.
cis_event_pattern(names) := sprintf("{ %s }", [cis_event_disjunction(names)])

cis_event_disjunction(names) := concat(" || ", [sprintf("($.eventName = %s)", [n]) | some n in names])
