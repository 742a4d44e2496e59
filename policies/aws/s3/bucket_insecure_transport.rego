# METADATA
# title: S3 bucket policy does not deny insecure (HTTP) requests
# description: |
#   S3 accepts plain HTTP requests unless a bucket policy denies them. Without a Deny statement
#   conditioned on aws:SecureTransport = false, data and credentials-bearing requests can travel
#   unencrypted and be read or altered in transit. The Deny only enforces HTTPS when it covers
#   every principal, every S3 action and every object of the bucket: one limited to a few actions,
#   to one key prefix or to another bucket's objects leaves the rest reachable over HTTP.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html
# custom:
#   id: PAL-AWS-S3-007
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_s3_bucket, aws_s3_bucket_policy, "module:terraform-aws-modules/s3-bucket/aws"]
#   frameworks:
#     cis-aws-2.0: ["2.1.1"]
#   references:
#   cwe: ["CWE-319"]
#   remediation: Add a bucket policy statement that denies s3:* to all principals when aws:SecureTransport is false.
#   fixable: true
package palisade.aws.s3.bucket_insecure_transport

import data.palisade.lib.fixes
import data.palisade.lib.iam
import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.s3
import data.palisade.lib.tf
import data.palisade.lib.unknown

# No policy at all: report on the bucket. The fix adds a policy with only the deny statement.
deny contains fixes.finding(bucket, [], msg, policy_fix(bucket)) if {
	not s3.companion_unresolved("aws_s3_bucket_policy")
	some bucket in s3.buckets
	count(s3.bucket_policies(bucket)) == 0
	msg := sprintf("%s has no bucket policy denying insecure (HTTP) requests", [bucket.address])
}

# Policies exist, all known, none denies HTTP: report on each policy.
deny contains result.fail(p.resource, p.path, msg) if {
	some bucket in s3.buckets
	policies := s3.bucket_policies(bucket)
	count(policies) > 0
	every q in policies {
		unknown.known(q.doc)
		not iam.has_unknown_statement(q.doc)
		not denies_insecure_transport(q.doc, bucket)
	}
	some p in policies
	msg := sprintf("the policy of %s does not deny insecure (HTTP) requests", [bucket.address])
}

# terraform-aws-modules/s3-bucket: `attach_deny_insecure_transport_policy` (default false), or an
# attached `policy` (attach_policy = true) that denies HTTP. On the argument when it is set to false.
deny contains result.fail(m, path, msg) if {
	some m in modules.s3_buckets
	flag := modules.argument(m, ["attach_deny_insecure_transport_policy"], false)
	unknown.is_false(flag.value)
	not module_policy_may_deny(m)
	path := flag.path
	msg := sprintf("%s has no bucket policy denying insecure (HTTP) requests", [m.address])
}

policy_fix(bucket) := [result.add_resource("aws_s3_bucket_policy", bucket.name, {
	"bucket": result.expr(sprintf("%s.id", [bucket.address])),
	"policy": result.expr(deny_http_policy(bucket.address)),
})] if {
	fixes.can_reference(bucket)
	not policy_named(bucket.name)
} else := []

policy_named(name) if {
	some p in tf.resources("aws_s3_bucket_policy")
	p.name == name
}

# Written for a top-level resource block (the only place the fix adds one).
deny_http_policy(address) := concat("\n", [
	"jsonencode({",
	"    Version = \"2012-10-17\"",
	"    Statement = [{",
	"      Sid       = \"DenyInsecureTransport\"",
	"      Effect    = \"Deny\"",
	"      Principal = \"*\"",
	"      Action    = \"s3:*\"",
	sprintf("      Resource  = [%s.arn, \"${%s.arn}/*\"]", [address, address]),
	"      Condition = { Bool = { \"aws:SecureTransport\" = \"false\" } }",
	"    }]",
	"  })",
])

denies_insecure_transport(doc, bucket) if {
	some entry in iam.statements(doc)
	s := entry.statement
	may_deny(s)
	some operator in ["Bool", "BoolIfExists"]
	value := s.Condition[operator]["aws:SecureTransport"]
	is_false_value(value)
	denies_every_s3_action(s)
	applies_to_everyone(s)
	covers_every_object(s, bucket)
}

# An Effect Palisade cannot read (`"${var.effect}"`) may be Deny: no finding rests on it.
may_deny(s) if iam.is_deny(s)

may_deny(s) if unknown.is_unknown(s.Effect)

# An action glob covers every S3 action when it matches "s3:" followed by anything ("*", "s3:*").
denies_every_s3_action(s) if {
	some a in iam.actions(s)
	is_string(a)
	endswith(a, "*")
	glob.match(lower(a), [], "s3:")
}

denies_every_s3_action(s) if unknown.is_unknown(s.Action)

denies_every_s3_action(s) if {
	some a in iam.actions(s)
	not is_string(a)
}

# Deny with NotAction denies every action it does not list; no S3 action may be listed.
denies_every_s3_action(s) if {
	count(iam.not_actions(s)) > 0
	every a in iam.not_actions(s) {
		is_string(a)
		not startswith(lower(a), "s3:")
		a != "*"
	}
}

applies_to_everyone(s) if "*" in iam.aws_principals(s)

applies_to_everyone(s) if unknown.is_unknown(s.Principal)

# A single unknown AWS principal may be "*", unless it is written as an ARN template (below), the
# same test as for the members of a list.
applies_to_everyone(s) if {
	unknown.is_unknown(s.Principal.AWS)
	not names_one_principal(s.Principal.AWS)
}

applies_to_everyone(s) if {
	some p in iam.aws_principals(s)
	not is_string(p)
	not names_one_principal(p)
}

# A template written as an ARN ("arn:aws:iam::${account}:root") names one principal, never "*":
# a Deny for it leaves everyone else free to use HTTP.
names_one_principal(p) if startswith(unknown.literal_text(p), `"arn:`)

# covers_every_object: some Resource glob matches every key of the bucket ("<arn>/*", "*"). Without
# a known bucket name, or with an unknown resource, the statement may well cover them — except a
# bare reference to a bucket's `arn`, which is known to name the bucket and no object.
covers_every_object(s, _) if {
	unknown.is_unknown(s.Resource)
	not bucket_arn_reference(s.Resource)
	not names_one_key(s.Resource) # a single template naming one key, as in a list below
}

covers_every_object(s, _) if s.NotResource != null

covers_every_object(s, bucket) if {
	some r in iam.resources(s)
	is_string(r)
	endswith(r, "*")
	every_key_of(r, bucket)
}

covers_every_object(s, _) if {
	some r in iam.resources(s)
	not is_string(r)
	not bucket_arn_reference(r)
	not names_one_key(r)
}

# A template that ends in literal text without a wildcard after its last interpolation
# ("${aws_s3_bucket.b.arn}/foo") names one key or prefix, not every object of the bucket.
names_one_key(r) if regex.match(`\$\{\}[^$*"]+"$`, unknown.literal_text(r))

# `aws_s3_bucket.x.arn` (also indexed, or of a data source) is always arn:<partition>:s3:::<name>:
# a Deny on it alone stops bucket-level calls over HTTP but not GetObject / PutObject on the keys,
# as a literal bucket ARN without "/*" does not (AWS S3 User Guide, "Policy resources").
bucket_arn_reference(r) if regex.match(`^(data\.)?aws_s3_bucket\.[A-Za-z0-9_-]+(\[[^\]]*\])?\.arn$`, r["$unknown"])

every_key_of(r, bucket) if {
	name := unknown.known_string(bucket.config.bucket)
	some partition in ["aws", "aws-cn", "aws-us-gov"]
	glob.match(r, null, sprintf("arn:%s:s3:::%s/", [partition, name]))
}

every_key_of(_, bucket) if not is_string(bucket.config.bucket)

is_false_value(v) if unknown.is_false(v)

is_false_value(v) if {
	is_array(v)
	some x in v
	unknown.is_false(x)
}

# An unknown condition value could be "false".
is_false_value(v) if unknown.is_unknown(v)

# The call's own policy, when attached, may deny HTTP (unknown counts: stay quiet rather than guess).
module_policy_may_deny(m) if {
	not unknown.is_false(object.get(m.config, "attach_policy", false))
	doc := object.get(m.config, "policy", null)
	doc != null
	not known_without_http_deny(doc)
}

known_without_http_deny(doc) if {
	unknown.known(doc)
	not some_http_deny(doc)
}

some_http_deny(doc) if {
	some entry in iam.statements(doc)
	iam.is_deny(entry.statement)
	some operator in ["Bool", "BoolIfExists"]
	is_false_value(entry.statement.Condition[operator]["aws:SecureTransport"])
}
