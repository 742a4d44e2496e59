# METADATA
# title: Fix helpers
# description: |
#   Shared pieces of rule fixes: one finding per fault whether or not a fix applies, and the
#   customer managed KMS key a rule adds when a resource is encrypted with an AWS managed key.
package palisade.lib.fixes

import data.palisade.lib.result
import data.palisade.lib.tf

# finding is result.fail_fix when ops holds operations and result.fail otherwise, so a rule emits
# the same single finding whether or not it can offer a fix for it.
finding(r, path, msg, ops) := result.fail_fix(r, path, msg, ops) if {
	count(ops) > 0
} else := result.fail(r, path, msg)

# can_add_resource(r) holds when a new resource may be added beside r: not one instance of a
# count/for_each resource (one new block would serve every instance) and not inside a module (the
# module's code is shared by all its callers).
can_add_resource(r) if {
	not r.index
	not r.module
}

# can_reference(r) holds when, besides, the new resource may name r by its plain address
# (`aws_s3_bucket.b.id`): not when r is counted with instances the model could not expand
# (`unexpanded`), which Terraform addresses with keys and rejects unkeyed ("Missing resource
# instance key"; held-out round 19: companions of mattermost-load-test-ng's counted bucket). A key
# or role r itself names (`kms_key_id = aws_kms_key.x.arn`) needs only can_add_resource.
can_reference(r) if {
	can_add_resource(r)
	not r.unexpanded
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

# Names are per module: a child module's key or data source neither clashes with one the fix adds
# to the root module nor can be referenced from it.
key_named(name) if {
	some k in tf.resources("aws_kms_key")
	not k.module
	k.name == name
}

key_description(r) := sprintf("Customer managed key for %s.%s", [r.type, r.name])

# cmk_set(r, path) gives r its key (key_ops) and sets path to the key's ARN; [] when it cannot.
cmk_set(r, path) := ops if {
	ops := array.concat(key_ops(r), [result.set(path, cmk_arn(r))])
} else := []

# cmk_replace(r, path, expr_text) is cmk_set for an attribute that reads a key through a
# reference the rule has judged (a data source finding an AWS managed key by its alias): the
# renderer replaces that reference only while the attribute still reads exactly expr_text.
cmk_replace(r, path, expr_text) := ops if {
	set := object.union(result.set(path, cmk_arn(r)), {"replaces": expr_text})
	ops := array.concat(key_ops(r), [set])
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

# cis_event_pattern(names) is a metric filter pattern matching any of the CloudTrail event names.
cis_event_pattern(names) := sprintf("{ %s }", [cis_event_disjunction(names)])

cis_event_disjunction(names) := concat(" || ", [sprintf("($.eventName = %s)", [n]) | some n in names])

# logs_cmk_set(r, path) gives r a customer managed key that CloudWatch Logs may use and sets path
# to its ARN; [] when it cannot. CloudWatch Logs encrypts with the key itself, so the key policy
# must allow the regional logs service principal, scoped by the encryption context to this
# account's log groups, besides the account's own administration of the key (AWS's default).
logs_cmk_set(r, path) := array.concat(k.ops, [result.set(path, k.arn)]) if {
	can_add_resource(r)
	k := logs_cmk(r, sprintf("%s_logs", [r.name]), sprintf("%s_logs_key", [r.name]), sprintf("%s.%s", [r.type, r.name]))
} else := []

# logs_cmk(r, key_name, document, label): the operations adding, beside r, the key of logs_cmk_set
# under those names (with the account and region data sources it reads when the module has none
# for r's provider configuration) and the key's ARN, as {"ops", "arn"}; undefined when the key or
# document name is taken.
logs_cmk(r, key_name, document, label) := {"ops": ops, "arn": arn} if {
	not key_named(key_name)
	not data_named("aws_iam_policy_document", document)
	key := result.add_resource("aws_kms_key", key_name, {
		"description": sprintf("Customer managed key for the CloudWatch logs of %s", [label]),
		"deletion_window_in_days": 30,
		"enable_key_rotation": true,
		"policy": result.expr(sprintf("data.aws_iam_policy_document.%s.json", [document])),
	})
	arn := result.expr(sprintf("aws_kms_key.%s.arn", [key_name]))
	data_ops := array.concat(missing_data(r, "aws_caller_identity"), missing_data(r, "aws_region"))
	ops := array.concat(data_ops, [logs_key_policy(r, document), key])
}

# new_log_group(r, name, config): the operations adding, beside r, a log group aws_cloudwatch_log_group.<name>
# with config, that passes the pack's own log group rules: kept one year (PAL-AWS-CLOUDWATCH-010)
# and encrypted with a key of its own that CloudWatch Logs may use (PAL-AWS-CLOUDWATCH-001, the
# key of logs_cmk_set). A fix whose remedy is "send the logs somewhere" would otherwise add a log
# group the pack reports, and be rejected. Undefined when r cannot be referenced by plain address
# or a name is taken.
new_log_group(r, name, config) := ops if {
	can_add_resource(r)
	not resource_named("aws_cloudwatch_log_group", name)
	k := logs_cmk(r, sprintf("%s_key", [name]), sprintf("%s_key", [name]), sprintf("aws_cloudwatch_log_group.%s", [name]))
	group := result.add_resource("aws_cloudwatch_log_group", name, object.union(config, {
		"retention_in_days": 365,
		"kms_key_id": k.arn,
	}))
	ops := array.concat(k.ops, [group])
}

resource_named(resource_type, name) if {
	some x in tf.resources(resource_type)
	not x.module
	x.name == name
}

# logs_key_policy(r, name): the key policy document of logs_cmk_set, for a key beside r.
logs_key_policy(r, name) := {"op": "add_data", "type": "aws_iam_policy_document", "name": name, "config": {"statement": [
	account_administers_key(account),
	{
		"sid": "CloudWatchLogsUsesKey",
		"actions": ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
		"resources": ["*"],
		"principals": [{"type": "Service", "identifiers": [result.expr(sprintf(`"logs.${%s}.amazonaws.com"`, [region]))]}],
		"condition": [{
			"test": "ArnLike",
			"variable": "kms:EncryptionContext:aws:logs:arn",
			"values": [result.expr(sprintf(`"arn:aws:logs:${%s}:${%s}:*"`, [region, account]))],
		}],
	},
]}} if {
	account := account_expr(r)
	region := region_expr(r)
}

# account_expr(r) / region_expr(r): the account id and region of r's provider configuration as
# expressions, read from the module's own data sources (or the ones missing_data adds).
account_expr(r) := account_id_expr(data_name(r, "aws_caller_identity"))

region_expr(r) := region_name_expr(data_name(r, "aws_region"))

account_id_expr(name) := sprintf("data.aws_caller_identity.%s.account_id", [name])

region_name_expr(name) := sprintf("data.aws_region.%s.name", [name])

# The key policy statement that keeps AWS's default: the account administers and may use the key
# through IAM policies (without it the key would be unmanageable).
account_administers_key(account) := {
	"sid": "AccountAdministersKey",
	"actions": ["kms:*"],
	"resources": ["*"],
	"principals": [{"type": "AWS", "identifiers": [result.expr(sprintf(`"arn:aws:iam::${%s}:root"`, [account]))]}],
}

# cmk_policy_set(r, path, statements) gives r a customer managed key named after it whose key policy
# is account_administers_key plus statements (for a service that uses the key with the caller's
# credentials and needs a grant the default policy leaves to IAM), and sets path to its ARN; []
# when it cannot (see cmk_policy_ops).
cmk_policy_set(r, path, statements) := ops if {
	ops := array.concat(cmk_policy_ops(r, statements), [result.set(path, cmk_arn(r))])
} else := []

# cmk_policy_replace is cmk_policy_set for an attribute that reads a key through a reference the
# rule has judged (see cmk_replace).
cmk_policy_replace(r, path, statements, expr_text) := ops if {
	set := object.union(result.set(path, cmk_arn(r)), {"replaces": expr_text})
	ops := array.concat(cmk_policy_ops(r, statements), [set])
} else := []

# cmk_policy_ops: the data sources, policy document "<name>_key" and key "<name>"; undefined when
# r cannot be referenced by a plain address or either name is taken.
cmk_policy_ops(r, statements) := ops if {
	can_add_resource(r)
	not key_named(r.name)
	document := sprintf("%s_key", [r.name])
	not data_named("aws_iam_policy_document", document)
	key := result.add_resource("aws_kms_key", r.name, {
		"description": key_description(r),
		"deletion_window_in_days": 30,
		"enable_key_rotation": true,
		"policy": result.expr(sprintf("data.aws_iam_policy_document.%s.json", [document])),
	})
	admin := account_administers_key(account_expr(r))
	policy := {"op": "add_data", "type": "aws_iam_policy_document", "name": document, "config": {"statement": array.concat([admin], statements)}}
	data_ops := array.concat(missing_data(r, "aws_caller_identity"), missing_data(r, "aws_region"))
	ops := array.concat(data_ops, [policy, key])
}

data_named(data_type, name) if {
	some d in tf.data_sources(data_type)
	not d.module
	d.name == name
}

# data_name(r, type): the name of the module's data source of that type (account id, region) that
# reads through r's provider configuration, or of the one missing_data(r, type) adds. A key policy
# or trust condition written for r must name r's account and region: in a cross-account module the
# first `aws_caller_identity` may be another provider's (`provider = aws.peer`).
data_name(r, data_type) := names[0] if {
	names := [d.name | some d in tf.data_sources(data_type); not d.module; not d.index; not d.unexpanded; provider_of(d) == provider_of(r)]
	count(names) > 0
} else := free[0] if {
	# A name no data source of that type has (of any provider, counted or not).
	suffix := replace(provider_of(r), ".", "_")
	candidates := array.concat(["current", sprintf("current_%s", [suffix])], [sprintf("current_%s_%d", [suffix, n]) | some n in numbers.range(2, 9)])
	free := [name | some name in candidates; not data_named(data_type, name)]
	count(free) > 0
} else := "current"

# missing_data(r, type): the operation adding data_name(r, type) beside r (so with r's provider),
# none when the module has it.
missing_data(r, data_type) := [] if {
	data_named(data_type, data_name(r, data_type))
} else := [{"op": "add_data", "type": data_type, "name": data_name(r, data_type), "config": {}}]

# provider_of(x): the provider configuration a root resource or data source uses, as its `provider`
# meta-argument names it ("aws.west"); "aws" for the default one.
provider_of(x) := object.get(x, "provider", "aws")

# Copying a destination a sibling already uses (session 24): a rule whose remedy is a log
# destination — the owner's choice in general — may copy the one the module's other resources of
# the same kind already write to. sibling(r, s): s is another resource block of r's module under
# the same provider configuration (same account and region), not an instance of r's own block.
sibling(r, s) if {
	s.address != r.address
	tf.scope(s.address) == tf.scope(r.address)
	object.get(s, "provider", null) == object.get(r, "provider", null)
	block_address(s.address) != block_address(r.address)
}

block_address(address) := regex.replace(address, `\[[^\]]*\]$`, "")

# copied(s, path, v): v, the value of sibling s at path, as a fix value plus the derived_from entry
# that keeps the copy true (docs/fixes.md): a literal as itself, which s must spell literally (not
# a variable's default another caller may change), or a reference text as that expression, which s
# must read exactly. Undefined for a text that reads an iteration value or self.
copied(s, path, v) := {"value": v, "derived": {"resource": s.address, "path": path}} if {
	not is_object(v)
	not is_array(v)
	v != null
}

copied(s, path, v) := {"value": result.expr(t), "derived": {"resource": s.address, "path": path, "text": t}} if {
	t := v["$unknown"]
	is_string(t)
	not regex.match(`(^|[^A-Za-z0-9_.])(count|each|self)\.`, t)
}

# with_derived(op, entries): op checked against the siblings it copies from.
with_derived(op, entries) := object.union(op, {"derived_from": entries})
