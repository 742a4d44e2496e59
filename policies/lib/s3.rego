# METADATA
# title: S3 helpers
# description: |
#   Finds the provider v4+ companion resources of a bucket (aws_s3_bucket_versioning,
#   aws_s3_bucket_public_access_block, …) whether they point at it by reference
#   (`bucket = aws_s3_bucket.x.id`) or by the literal bucket name.
package palisade.lib.s3

import data.palisade.lib.modules
import data.palisade.lib.tf
import data.palisade.lib.unknown

buckets := tf.resources("aws_s3_bucket")

# companions(bucket, type): resources of type attached to the bucket.
companions(bucket, resource_type) := union({
	tf.referencing(bucket.address, resource_type, ["bucket"]),
	by_name(bucket, resource_type),
	by_expression(bucket, resource_type),
})

by_name(bucket, resource_type) := {r |
	name := unknown.known_string(bucket.config.bucket)
	some r in tf.resources(resource_type)
	r.config.bucket == name
}

# by_expression(bucket, type): companions whose `bucket` is the very expression the bucket's name
# is (`bucket = var.bucket_name` on both, unknown to Palisade): one variable has one value, so the
# companion is this bucket's. Only a plain var./local. name, or a template of them and literal
# text, counts: `each.value` or `count.index` read a different collection in each resource.
by_expression(bucket, resource_type) := {r |
	key := bucket_expression_keys[bucket.address]
	some r in tf.resources(resource_type)
	expression_key(r) == key
}

expression_key(r) := concat("", [tf.scope(r.address), text]) if {
	text := r.config.bucket["$unknown"]
	regex.match(`^(var|local)\.[A-Za-z_][A-Za-z0-9_-]*$`, text)
}

# A template of such names and literal text ("${var.env}-data") has one value too, so it ties the
# same way (round 13: a versioning resource named so hid every other bucket of the module).
expression_key(r) := concat("", [tf.scope(r.address), text]) if {
	text := r.config.bucket["$unknown"]
	regex.match(`^"(?:[^$"\\%]|\$\{(?:var|local)\.[A-Za-z_][A-Za-z0-9_-]*\})+"$`, text)
}

# bucket_expression_keys: bucket address → key, computed once (companions() runs per bucket and
# companion type; a bucket with a literal name has no entry, so by_expression stops at the lookup).
bucket_expression_keys[b.address] := expression_key(b) if some b in buckets

# companion_unresolved(type): some companion of that type points at a bucket Palisade cannot
# identify, so "this bucket has no companion" must not be claimed for any bucket. A companion
# that names its bucket by the bucket's own name expression is resolved (by_expression): two
# buckets cannot share a name, so it is no other bucket's (Checkov's S3BucketVersioning case).
companion_unresolved(resource_type) if {
	some r in tf.resources(resource_type)
	unknown.is_unknown(tf.attr(r, ["bucket"]))
	count(tf.references_to(r, ["bucket"], "aws_s3_bucket")) == 0
	not named_like_a_bucket(r)
}

named_like_a_bucket(r) if {
	some key in bucket_expression_keys
	expression_key(r) == key
}

# has_companion(bucket, type): the bucket has one, or one may exist that cannot be resolved.
has_companion(bucket, resource_type) if count(companions(bucket, resource_type)) > 0

has_companion(_, resource_type) if companion_unresolved(resource_type)

has_companion(bucket, _) if handed_to_opaque_module(bucket)

# handed_to_opaque_module(bucket): the bucket's name (`aws_s3_bucket.x.id` or `.bucket`) is the
# bucket argument of a bucket-configuration module call whose code Palisade cannot read (a registry
# or git source not in .terraform/modules). Such a module may attach companions to the bucket by
# name: 18F's identity-terraform `s3_config` takes `bucket_name_override = aws_s3_bucket.x.id` and
# adds the public access block, access logging and an inventory (held-out s19/h3), and a fix adding
# a second public access block would fight it. So no companion of the bucket is claimed missing.
# terraform-aws-modules calls are not counted: the pack knows what they create, and none of them
# attaches companions to a bucket it is handed (the s3-bucket module creates its own bucket).
handed_to_opaque_module(bucket) if concat("", [tf.scope(bucket.address), "aws_s3_bucket.", bucket.name]) in opaque_handed

# opaque_handed: "<scope>aws_s3_bucket.<name>" for every bucket so handed, computed once per
# evaluation (one pass over the module calls' top-level arguments). Narrowed in review, as most
# calls handed a bucket only use it and every S3 companion finding of the bucket went silent:
# the source must name an S3 or bucket module (a trail, CDN or function module writes to or reads
# from the bucket and configures nothing on it), the argument must name the bucket as the subject
# (`bucket_name_override`, not `logging_bucket_id`, `origin_bucket` or `artifact_bucket`: those
# make it another resource's target), and the value must be the bare reference (a name inside a
# policy, ARN or path template is read, not configured).
opaque_handed contains concat("", [tf.scope(call.address), "aws_s3_bucket.", match[1]]) if {
	some call in object.get(input, "modules", [])
	not call.dir
	is_string(call.source)
	not contains(call.source, "terraform-aws-modules")
	configures_buckets(call.source)
	some name, value in call.config
	subject_bucket_argument(name)
	some text in modules.unknown_exprs(value)
	some match in regex.find_all_string_submatch_n(`^(?:"\$\{)?aws_s3_bucket\.([A-Za-z_][A-Za-z0-9_-]*)(?:\[[^\]]*\])?\.(?:id|bucket)(?:\}")?$`, text, 1)
}

# The module's own name (an S3-hosted source's host and s3:: prefix set aside) says S3 or bucket.
configures_buckets(source) if {
	path := regex.replace(lower(source), `^s3::|s3[.-][a-z0-9.-]*amazonaws\.com`, "")
	regex.match(`(^|[/_.:-])(s3|buckets?)([/_.?-]|$)`, path)
}

subject_bucket_argument(name) if {
	regex.match(`(?i)bucket`, name)
	not regex.match(`(?i)log|origin|source|src|target|dest|artifact|replica|backup|inventory|trail|cdn`, name)
}

# split_resources_unavailable: the unit pins the AWS provider below 3.75.0, which brought the split
# bucket configuration resources (aws_s3_bucket_versioning, …_server_side_encryption_configuration,
# backported from 4.0): Terraform would not know a resource of that type, so a fix must not add one.
# A provider block's own `version = "2.35.0"` counts (wellcomecollection's platform accounts,
# held-out s19/h3).
split_resources_unavailable if tf.provider_below_version("aws", 3, 75)

# bucket_policies(bucket): the parsed policy documents that apply to a bucket, each with the
# resource and path holding it (inline v3 `policy`, or aws_s3_bucket_policy).
bucket_policies(bucket) := {p | some p in _policies(bucket)}

_policies(bucket) := array.concat(
	[{"resource": bucket, "path": ["policy"], "doc": bucket.config.policy} | bucket.config.policy != null],
	[{"resource": r, "path": ["policy"], "doc": r.config.policy} |
		some r in companions(bucket, "aws_s3_bucket_policy")
		r.config.policy != null
	],
)

# public_access_block_holders: every place that sets S3 Block Public Access switches — bucket and
# account public access blocks, and opaque terraform-aws-modules/s3-bucket calls (their
# block_public_acls, … arguments feed the module's public access block).
public_access_block_holders := array.concat(
	[r | some r in input.resources; r.type in {"aws_s3_bucket_public_access_block", "aws_s3_account_public_access_block"}],
	modules.s3_buckets,
)

# public_access_switch_off(holder, switch): the switch is known to be off. Unset means false on
# the resources; on a module call unset means the module's default, which differs between major
# versions: an explicit false counts, and unset when the call pins a release before 4.0.
# S3 applies the most restrictive combination of the account's and the bucket's settings, so a
# bucket-level switch left off is not off in effect when the account public access block of the
# same configuration turns it on; the account block itself is judged on its own.
public_access_switch_off(holder, switch) if {
	holder.type == "aws_s3_account_public_access_block"
	unknown.not_true(object.get(holder.config, switch, null))
}

public_access_switch_off(holder, switch) if {
	holder.type == "aws_s3_bucket_public_access_block"
	unknown.not_true(object.get(holder.config, switch, null))
	not switch in account_switches_on
}

public_access_switch_off(holder, switch) if {
	not holder.type
	unknown.is_false(object.get(holder.config, switch, null))
	not switch in account_switches_on
}

# terraform-aws-modules/s3-bucket before 4.0 defaults every switch to false.
public_access_switch_off(holder, switch) if {
	not holder.type
	object.get(holder.config, switch, null) == null
	modules.pinned_below(holder, 4)
	not switch in account_switches_on
}

# account_switches_on: the Block Public Access switches an aws_s3_account_public_access_block of
# the configuration sets to true.
account_switches_on contains switch if {
	some r in input.resources
	r.type == "aws_s3_account_public_access_block"
	some switch, value in r.config
	switch in {"block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"}
	unknown.is_true(value)
}

# bucket_of(r): the bucket a split resource (aws_s3_bucket_acl, …) points at, or r itself when
# it is a bucket.
bucket_of(r) := r if r.type == "aws_s3_bucket"

bucket_of(r) := bucket if {
	r.type != "aws_s3_bucket"
	some bucket in buckets
	r in companions(bucket, r.type)
}

# public_acls_ignored(bucket): a public access block of the bucket, or the account public access
# block of the configuration, sets ignore_public_acls, so S3 disregards every public ACL on it and
# its objects.
public_acls_ignored(bucket) if bucket_ignores_public_acls(bucket)

public_acls_ignored(_) if account_ignores_public_acls

bucket_ignores_public_acls(bucket) if {
	some pab in companions(bucket, "aws_s3_bucket_public_access_block")
	unknown.is_true(pab.config.ignore_public_acls)
}

# account_ignores_public_acls: the account public access block of the configuration sets
# ignore_public_acls, which S3 applies to every bucket of the account whatever the bucket's own
# block says.
account_ignores_public_acls if "ignore_public_acls" in account_switches_on

# module_versioning(v): [status, key] for the `versioning` map v of a terraform-aws-modules/s3-bucket
# call, as the module computes its aws_s3_bucket_versioning status: `enabled` first, then `status`
# as a boolean (true, "true"), then `status` as a word ("Enabled", "suspended"); key is the
# argument that decided. Undefined when a deciding value is unknown or the map sets neither (the
# module then writes "Enabled" from v4 and fails before). `versioning = { status = true }` is the
# module's own examples' form (held-out aws-ia guardduty).
module_versioning(v) := [word(v.enabled), "enabled"] if {
	object.get(v, "enabled", null) != null
} else := [word(v.status), "status"] if {
	object.get(v, "status", null) != null
}

word(v) := "Enabled" if unknown.is_true(v)

word(v) := "Suspended" if unknown.is_false(v)

word(v) := "Enabled" if lower(v) == "enabled"

word(v) := "Suspended" if lower(v) == "suspended"

# module_mfa_delete_on(v): the call's versioning map turns MFA delete on (true, "true" or the
# word "Enabled", as the module's tobool-then-title conversion reads it).
module_mfa_delete_on(v) if unknown.is_true(object.get(v, "mfa_delete", null))

module_mfa_delete_on(v) if lower(object.get(v, "mfa_delete", "")) == "enabled"
