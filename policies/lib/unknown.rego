# METADATA
# title: Unknown values
# description: |
#   The Terraform front end encodes a value it cannot know statically as {"$unknown": "<expr>"}.
#   An unknown never produces a finding on its own: "is it false?" is no for an unknown, and
#   "is it missing?" is no as well (the unknown may well be set).
package palisade.lib.unknown

is_unknown(v) if {
	is_object(v)
	count(v) == 1
	is_string(v["$unknown"])
}

known(v) if not is_unknown(v)

# is_false / is_true also accept the strings Terraform converts to booleans.
is_false(false) := true

is_false("false") := true

is_true(true) := true

is_true("true") := true

# value_or is v when it is set and known, else the default.
value_or(v, default_value) := v if {
	v != null
	known(v)
} else := default_value

# has(obj, key): the attribute is set (non-null, non-empty); an unknown counts as set. The empty
# string counts as not set, as in tf.has_attr: the provider sends an optional string argument only
# when it is non-empty, so a block's `kms_key_arn = ""` (a variable's "" default) names no key.
has(obj, key) if {
	is_object(obj)
	value := obj[key]
	not value in {null, ""}
}

# An unknown parent object may hold the attribute, so it counts as set too.
has(obj, _) if is_unknown(obj)

# missing(obj, key): the attribute is absent or null (Terraform's "not set").
missing(obj, key) if not has(obj, key)

# not_true: the value is known and not true (absent/null counts: use with the attribute's default).
not_true(v) if {
	known(v)
	not is_true(v)
}

# items is the list v, or [] when v is unknown or not a list — so iteration never walks into
# an unknown's {"$unknown": ...} object by accident.
items(v) := v if is_array(v)

else := []

# known_number / known_string: the value, only when known and of that type (numeric strings convert).
known_number(v) := v if is_number(v)

known_number(v) := to_number(v) if {
	is_string(v)
	regex.match(`^-?[0-9]+(\.[0-9]+)?$`, v)
}

known_string(v) := v if is_string(v)

# literal_text(v): for an unknown that is a template written in the configuration (a quoted string,
# a heredoc, or base64encode of one), its source text with each interpolation shown as "${}"; what
# is literally written there is in the configuration whatever the variables hold. Undefined for any
# other value, and for unknowns that are references or other calls (`var.x`, `templatefile(...)`).
literal_text(v) := regex.replace(v["$unknown"], `\$\{[^}]*\}`, "${}") if {
	is_unknown(v)
	some prefix in {`"`, "<<", "base64encode(<<", `base64encode("`}
	startswith(v["$unknown"], prefix)
}
