# METADATA
# title: S3 helpers
# description: |
#   Finds the provider v4+ companion resources of a bucket (aws_s3_bucket_versioning,
#   aws_s3_bucket_public_access_block, …) whether they point at it by reference
#   (`bucket = aws_s3_bucket.x.id`) or by the literal bucket name.
package palisade.lib.s3

import data.palisade.lib.modules
import data.palisade.lib.resource_policy
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

# ---- Block Public Access and the policies S3 calls public (session 24) ----------------------------
#
# One reading of S3 Block Public Access for every rule that withholds a public policy finding
# ("Blocking public access to your Amazon S3 storage", S3 User Guide; PublicAccessBlockConfiguration
# in the S3 API reference):
# - RestrictPublicBuckets confines a bucket or access point with a policy S3 calls public to AWS
#   service principals and the owner's account, stored policies included. It withholds.
# - BlockPublicPolicy on a bucket or the account only makes S3 reject a new public policy at
#   PutBucketPolicy / PutAccessPointPolicy time: "Enabling this setting doesn't affect existing
#   bucket policies", and Terraform orders nothing between a block and a policy that do not
#   reference each other, so a policy stored first stays in force. It does not withhold.
#   An access point's own settings are the exception: they are fixed when it is created, before
#   any policy can be put through it, so its BlockPublicPolicy keeps a public policy out for good.
# - S3 applies the most restrictive combination of the access point's, the bucket's and the
#   account's settings; a request through an access point is checked against all three.
# - S3's April 2023 default (all four settings on for new buckets) is not read: a bucket of the
#   configuration may have been created before it, or imported, and the configuration cannot show
#   which. A bucket without a public access block resource is therefore judged as unblocked here,
#   as S3-003 reports it.
# - Provider defaults: an omitted aws_s3_bucket_public_access_block or
#   aws_s3_account_public_access_block argument is false; terraform-aws-modules/s3-bucket defaults
#   every switch to true from 4.0 (false before) and creates the block only while
#   attach_public_policy is true.
# - An unknown switch, a block whose bucket Palisade cannot resolve, and a bucket handed to an
#   opaque bucket module may all restrict: the finding is withheld (unknown is silent).

# public_policy_held_back(holder, statements): S3 keeps every one of the statements (Allows open
# to any principal) of holder's policy from granting anyone outside the owner's account. holder is
# an aws_s3_bucket, an aws_s3_bucket_policy, an opaque terraform-aws-modules/s3-bucket call or an
# aws_s3_access_point (for its own policy or an aws_s3control_access_point_policy of it).
public_policy_held_back(holder, statements) if {
	every s in statements {
		public_to_s3(s)
	}
	stops_public_policies(holder)
}

stops_public_policies(holder) if restricts_public_policies(holder)

stops_public_policies(holder) if access_point_blocks_public_policies(holder)

# public_to_s3(s): S3 calls the statement public ("The meaning of public", S3 User Guide): a "*"
# principal with no condition on a key S3 accepts as fixing who may call. A key listed here is
# conservative: its value may be a wildcard or a broad range, which S3 still calls public, but the
# statement is then treated as one a block lets through. An Allow with NotPrincipal is not settled
# by that page, so it is treated the same way.
public_to_s3(s) if {
	object.get(s, "NotPrincipal", null) == null
	not fixing_condition(s)
}

fixing_condition(s) if {
	some keys in s.Condition
	some key, _ in keys
	lower(key) in fixing_keys
}

fixing_keys := resource_policy.scoping_keys | {"aws:sourceip", "aws:vpcsourceip", "s3:dataaccesspointarn"}

# restricts_public_policies(holder): RestrictPublicBuckets is, or may be (unknown), in force for
# requests to holder's bucket or through holder, an access point.
restricts_public_policies(_) if account_may_restrict

restricts_public_policies(holder) if {
	holder.type in {"aws_s3_bucket", "aws_s3_bucket_policy", "aws_s3_access_point"}
	some pab in bucket_blocks(holder)
	may_be_on(pab.config, "restrict_public_buckets")
}

# A bucket handed to a bucket module Palisade cannot read may get a block from it.
restricts_public_policies(holder) if {
	some bucket in policy_buckets(holder)
	handed_to_opaque_module(bucket)
}

restricts_public_policies(holder) if {
	not holder.type
	module_may_restrict(holder)
}

# An access point's settings default to on; only a known false leaves one off.
restricts_public_policies(holder) if {
	holder.type == "aws_s3_access_point"
	access_point_setting_on(holder, "restrict_public_buckets")
}

# An access point on a bucket that a terraform-aws-modules/s3-bucket call creates
# (`bucket = module.x.s3_bucket_id`) has that call's settings.
restricts_public_policies(holder) if {
	holder.type == "aws_s3_access_point"
	some text in modules.unknown_exprs(object.get(holder.config, "bucket", null))
	some call in modules.s3_buckets
	tf.names(holder.address, text, call.address)
	module_may_restrict(call)
}

access_point_blocks_public_policies(ap) if {
	ap.type == "aws_s3_access_point"
	access_point_setting_on(ap, "block_public_policy")
}

access_point_setting_on(ap, setting) if {
	some config in tf.blocks(ap, "public_access_block_configuration")
	not unknown.is_false(object.get(config, setting, null))
}

access_point_setting_on(ap, _) if count(tf.blocks(ap, "public_access_block_configuration")) == 0

account_may_restrict if {
	some pab in tf.resources("aws_s3_account_public_access_block")
	may_be_on(pab.config, "restrict_public_buckets")
}

# may_be_on(config, switch): true or unknown (unset is false on the provider's resources).
may_be_on(config, switch) if not unknown.not_true(object.get(config, switch, null))

# module_may_restrict(call): the call's public access block may restrict public policies: it
# creates one (attach_public_policy not known false) and restrict_public_buckets is true, unknown,
# or unset where the call is not pinned below 4.0 (the module's default became true in 4.0).
module_may_restrict(call) if {
	not unknown.is_false(object.get(call.config, "attach_public_policy", null))
	module_switch_may_be_on(call, "restrict_public_buckets")
}

module_switch_may_be_on(call, switch) if {
	value := object.get(call.config, switch, null)
	value != null
	not unknown.not_true(value)
}

module_switch_may_be_on(call, switch) if {
	object.get(call.config, switch, null) == null
	not modules.pinned_below(call, 4)
}

# policy_buckets(holder): the buckets of the configuration holder's policy applies to.
policy_buckets(holder) := {holder} if holder.type == "aws_s3_bucket"

else := {b | some b in buckets; holder in companions(b, holder.type)} if holder.type in {"aws_s3_bucket_policy", "aws_s3_access_point"}

else := set()

# bucket_blocks(holder): public access block resources that are, or may be, those of holder's
# bucket: its companions; blocks naming the bucket by the same argument as a policy or access
# point whose bucket is not a resource here (`bucket = var.name` on both, or one literal name);
# and blocks whose bucket cannot be resolved at all.
bucket_blocks(holder) := union({
	{pab | some b in policy_buckets(holder); some pab in companions(b, "aws_s3_bucket_public_access_block")},
	same_argument_blocks(holder),
	unresolved_blocks,
})

# same_argument_blocks(holder): for a policy or access point whose bucket is not a resource here,
# the blocks that name its bucket by the same literal name or expression (session 24, R1).
same_argument_blocks(holder) := {pab |
	count(policy_buckets(holder)) == 0
	some pab in tf.resources("aws_s3_bucket_public_access_block")
	same_bucket_argument(holder, pab)
}

same_bucket_argument(holder, pab) if {
	holder.type != "aws_s3_bucket"
	name := unknown.known_string(holder.config.bucket)
	pab.config.bucket == name
}

same_bucket_argument(holder, pab) if {
	holder.type != "aws_s3_bucket"
	expression_key(holder) == expression_key(pab)
}

unresolved_blocks contains pab if {
	some pab in tf.resources("aws_s3_bucket_public_access_block")
	unknown.is_unknown(tf.attr(pab, ["bucket"]))
	count(tf.references_to(pab, ["bucket"], "aws_s3_bucket")) == 0
	not named_like_a_bucket(pab)
}

# public_policy_applied(holder): a policy that S3 calls public (an Allow open to any principal with
# no condition S3 accepts) is applied, in this configuration, where the Block Public Access
# settings holder sets reach: for a bucket's block, the bucket's policies and the policies of its
# access points (a bucket's BlockPublicPolicy also rejects its same-account access points'
# public policies); for the account block, every bucket and access point policy; for a module
# call, its own `policy`. Turning block_public_policy on there stops no access (the stored policy
# stays in force) and makes S3 reject the next put of that policy, so the apply fails: a fix that
# only sets block_public_policy is withheld (session 24).
public_policy_applied(holder) if {
	some doc in applied_policy_documents(holder)
	some e in resource_policy.any_principal_statements(resource_policy.document(doc))
	public_to_s3(e.statement)
}

applied_policy_documents(holder) := block_policy_documents(holder) if {
	holder.type == "aws_s3_bucket_public_access_block"
} else := account_policy_documents if {
	holder.type == "aws_s3_account_public_access_block"
} else := {doc | doc := object.get(holder.config, "policy", null); doc != null}

block_policy_documents(pab) := union({bucket_reach_documents(b) | some b in blocked_buckets(pab)}) | {r.config.policy |
	some r in tf.resources("aws_s3_bucket_policy")
	same_bucket_argument(r, pab)
}

# bucket_reach_documents(b): the bucket's own policies and those of its access points.
bucket_reach_documents(b) := {p.doc | some p in bucket_policies(b)} | access_point_policy_documents(companions(b, "aws_s3_access_point"))

blocked_buckets(pab) := {b | some b in buckets; pab in companions(b, pab.type)}

account_policy_documents := {doc |
	some r in array.concat(array.concat(buckets, tf.resources("aws_s3_bucket_policy")), modules.s3_buckets)
	doc := object.get(r.config, "policy", null)
	doc != null
} | access_point_policy_documents(tf.resources("aws_s3_access_point"))

# access_point_policy_documents(aps): the policies of those access points, their own `policy`
# argument or an aws_s3control_access_point_policy referencing them.
access_point_policy_documents(aps) := {doc | some ap in aps; doc := object.get(ap.config, "policy", null); doc != null} | {r.config.policy |
	some r in tf.resources("aws_s3control_access_point_policy")
	some ap in aps
	some ref in r.references
	ref.path == ["access_point_arn"]
	tf.refers_to(ref.target, ap.address)
}
