# METADATA
# title: Terraform model helpers
# description: |
#   Lookups over the Terraform model (docs/model.md): resources by type, attribute access that
#   surfaces unknowns, nested blocks, and the reverse of `references` (which resources point at
#   a given resource) for provider v4+ split resources such as aws_s3_bucket_versioning.
package palisade.lib.tf

import data.palisade.lib.unknown

# resources(type): managed resources of that type, in model order.
resources(resource_type) := [r | some r in input.resources; r.type == resource_type]

# data_sources(type): data sources of that type.
data_sources(resource_type) := [d | some d in object.get(input, "data", []); d.type == resource_type]

# attr(resource, path): the value at path inside config, null when absent. When a parent on the
# path is unknown the result is that unknown (so "missing" checks do not fire on it).
attr(resource, path) := found if {
	count(path) > 0
	some n in numbers.range(1, count(path))
	found := object.get(resource.config, array.slice(path, 0, n), null)
	unknown.is_unknown(found)
} else := object.get(resource.config, path, null)

# has_attr / missing_attr: set (non-null, unknown counts as set) or not. The empty string counts
# as not set: the provider sends an optional string argument only when it is non-empty, so
# `kms_key_id = ""` (often a variable's "" default) names no key and the service default applies.
has_attr(resource, path) if not attr(resource, path) in {null, ""}

missing_attr(resource, path) if not has_attr(resource, path)

# unset(resource, path): missing_attr, or the empty string. Modules pass every optional argument
# through, so an unused one arrives as null (`replicate_source_db = var.replicate_source_db`) or,
# in older modules, as "" — which the provider leaves out of the request. `not r.config.x` is
# wrong for both: null and "" are values, so `not` fails on them. Unknown counts as set.
unset(resource, path) if missing_attr(resource, path)

unset(resource, path) if attr(resource, path) == ""

# blocks(resource, name): the nested blocks `name` as a list ([] when absent or unknown).
blocks(resource, name) := unknown.items(object.get(resource.config, name, []))

# refers_to(target, address): a reference target names this resource. A splat or un-keyed
# reference (`aws_s3_bucket.x[*]`) names every instance; a keyed reference names an
# un-expanded resource whose count/for_each is unknown.
refers_to(target, address) if target == address

refers_to(target, address) if startswith(address, concat("", [target, "["]))

refers_to(target, address) if startswith(target, concat("", [address, "["]))

# referencing(target_address, type, path): resources of `type` whose attribute at `path`
# references the resource at target_address (e.g. versioning resources pointing at a bucket).
referencing(target_address, resource_type, path) := {r |
	some r in input.resources
	r.type == resource_type
	some ref in r.references
	ref.path == path
	refers_to(ref.target, target_address)
}

# references_to(resource, path, type): the references an attribute makes to resources of type.
references_to(resource, path, resource_type) := {ref |
	some ref in resource.references
	ref.path == path
	names_type(ref.target, resource_type)
}

# names_type(target, type): a reference target is an address of that resource type, in this module
# (`type.name…`) or a child's (`module.x.type.name…`).
names_type(target, resource_type) if startswith(target, concat("", [resource_type, "."]))

names_type(target, resource_type) if contains(target, concat("", [".", resource_type, "."]))

# unresolved(type, path, target_type): some resource of `type` sets `path` to a value Palisade
# cannot tie to any resource of target_type (an unset variable, a module output). Rules that
# report a *missing* companion stay quiet then: the companion may be that one.
unresolved(resource_type, path, target_type) if {
	some r in resources(resource_type)
	unknown.is_unknown(attr(r, path))
	count(references_to(r, path, target_type)) == 0
}

# label(resource): how messages name a resource.
label(resource) := resource.address

# scope(address): the module path an address lives in, with its trailing dot: "module.app." for
# module.app.aws_s3_bucket.x and for module.app.module.logs[0]; "" at the root.
scope(address) := regex.find_n(`^(module\.[^.\[]+(\[[^\]]*\])?\.)*`, address, 1)[0]

# names(holder, text, target): an unknown value's expression text, written in the configuration
# of the resource or module call at address holder, reads an attribute of the resource or call at
# address target. Texts are relative to the holder's module (module.logs[0].s3_bucket_id) while
# addresses are absolute (module.app.module.logs[0]): comparing the text with the absolute
# address missed every target inside a local module (held-out aws-ia guardduty's log bucket).
names(holder, text, target) if {
	prefix := scope(target)
	scope(holder) == prefix
	local := substring(target, count(prefix), -1)
	some sep in [".", "["]
	startswith(text, concat("", [local, sep]))
}

# provider_below(name, major): some `required_providers` constraint of the unit or of a module it
# calls (input.required_providers, see docs/model.md) admits only versions of the provider below
# major version `major`. Terraform installs one version that meets every constraint, so an
# argument the provider added in that major version cannot be set (`terraform validate` fails with
# "An argument named … is not expected here"): a fix must not add it. Judged forms, per
# comma-separated part: `< X` with X at most major.0.0, `<= X`, `= X` or a bare `X` with X below
# major, and `~> X.Y` / `~> X.Y.Z` with X below major.
provider_below(name, major) if {
	some constraint in object.get(object.get(input, "required_providers", {}), name, [])
	some part in split(constraint, ",")
	caps_below(trim_space(part), major)
}

caps_below(part, major) if {
	m := regex.find_all_string_submatch_n(`^<\s*v?(\d+)(\.(\d+))?(\.(\d+))?$`, part, 1)
	count(m) == 1
	upper_below_or_at(m[0], major)
}

caps_below(part, major) if {
	m := regex.find_all_string_submatch_n(`^(<=|=|~>)?\s*v?(\d+)\.\d+(\.\d+)?$`, part, 1)
	count(m) == 1
	to_number(m[0][2]) < major
}

# `< 4`, `< 4.0`, `< 4.0.0` and anything lower stop below major 4; `< 4.1` does not.
upper_below_or_at(m, major) if to_number(m[1]) < major

upper_below_or_at(m, major) if {
	to_number(m[1]) == major
	m[3] in {"", "0"}
	m[5] in {"", "0"}
}

# provider_below_version(name, major, minor): like provider_below, for a resource or argument the
# provider added in a minor release (aws_redshift_logging in aws v5.45.0): some constraint admits
# only versions below major.minor.0. Judged forms, per part: `< X.Y[.Z]` with X.Y.Z at most
# major.minor.0, `<= X.Y[.Z]`, `= X.Y[.Z]` or a bare version with X.Y below major.minor,
# `~> X.Y` with X below major (it admits everything below X+1), `~> X.Y.Z` with X.Y below
# major.minor (it admits X.Y.*).
provider_below_version(name, major, minor) if {
	some constraint in object.get(object.get(input, "required_providers", {}), name, [])
	some part in split(constraint, ",")
	caps_below_version(trim_space(part), major, minor)
}

caps_below_version(part, major, minor) if caps_below(part, major)

caps_below_version(part, major, minor) if {
	m := regex.find_all_string_submatch_n(`^<\s*v?(\d+)\.(\d+)(\.(\d+))?$`, part, 1)
	count(m) == 1
	to_number(m[0][1]) == major
	to_number(m[0][2]) < minor
}

caps_below_version(part, major, minor) if {
	m := regex.find_all_string_submatch_n(`^<\s*v?(\d+)\.(\d+)(\.(\d+))?$`, part, 1)
	count(m) == 1
	to_number(m[0][1]) == major
	to_number(m[0][2]) == minor
	m[0][4] in {"", "0"}
}

caps_below_version(part, major, minor) if {
	m := regex.find_all_string_submatch_n(`^(<=|=)?\s*v?(\d+)\.(\d+)(\.\d+)?$`, part, 1)
	count(m) == 1
	to_number(m[0][2]) == major
	to_number(m[0][3]) < minor
}

caps_below_version(part, major, minor) if {
	m := regex.find_all_string_submatch_n(`^~>\s*v?(\d+)\.(\d+)\.\d+$`, part, 1)
	count(m) == 1
	to_number(m[0][1]) == major
	to_number(m[0][2]) < minor
}

# provider_from(name, release): some `required_providers` constraint of the unit or of a module it
# calls admits only `release` ([major, minor, patch]) or later: one of its comma-separated parts
# (`>=`, `>`, `~>`, `=` or a bare version) has a lower bound at or above it. Terraform installs one
# version meeting every constraint, so a fix may then use what that release added (ECR's image tag
# exclusion filters, aws 6.8.0). The local name `aws` is hashicorp/aws by Terraform's default.
provider_from(name, release) if {
	some constraint in object.get(object.get(input, "required_providers", {}), name, [])
	some part in split(constraint, ",")
	bound := lower_bound(trim_space(part))
	version_at_least(bound, release)
}

lower_bound(part) := version_numbers(trim_space(substring(part, 2, -1))) if {
	some op in [">=", "~>"]
	startswith(part, op)
} else := version_numbers(trim_space(substring(part, 1, -1))) if {
	some op in [">", "="]
	startswith(part, op)
} else := version_numbers(part) if {
	regex.match(`^[0-9]`, part)
}

version_numbers(text) := [to_number(p) | some p in split(text, ".")] if {
	regex.match(`^[0-9]+(\.[0-9]+){0,2}$`, text)
}

# version_at_least(v, release): v (1 to 3 numbers, missing ones 0) >= release (3 numbers).
version_at_least(v, release) if padded(v)[0] > release[0]

version_at_least(v, release) if {
	p := padded(v)
	p[0] == release[0]
	p[1] > release[1]
}

version_at_least(v, release) if {
	p := padded(v)
	p[0] == release[0]
	p[1] == release[1]
	p[2] >= release[2]
}

padded(v) := array.slice(array.concat(v, [0, 0, 0]), 0, 3)
