# METADATA
# title: S3 access logging fix
# description: |
#   The fix of the S3 access logging rules (PAL-AWS-S3-006, PAL-AWS-CLOUDTRAIL-007): an
#   aws_s3_bucket_logging that delivers to the log bucket the module's other buckets already log
#   to. Where access logs go is the owner's choice; once the module has made it, it is known.
package palisade.lib.s3

import data.palisade.lib.fixes
import data.palisade.lib.iam
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

# access_logging_ops(bucket): an aws_s3_bucket_logging for the bucket with the target_bucket of the
# module's other aws_s3_bucket_logging resources (same module and provider configuration, so the
# same account and Region, as S3 requires), when they all name one bucket of the unit whose policy
# admits S3's log delivery for every object key (or grants it by ACL): the prefix "<bucket>/" is
# then admitted too. A grant narrowed by aws:SourceArn to the buckets logged today, or to a key
# prefix, would refuse this bucket's logs: no fix. target_bucket is copied as the sibling reads it
# (fixes.copied). [] when there is no such destination, below provider 3.75 (no split resource),
# or when the name is taken.
access_logging_ops(bucket) := [fixes.with_derived(
	result.add_resource("aws_s3_bucket_logging", bucket.name, {
		"bucket": result.expr(sprintf("%s.id", [bucket.address])),
		"target_bucket": target.value,
		"target_prefix": result.expr(sprintf(`"${%s.id}/"`, [bucket.address])),
	}),
	derived,
)] if {
	fixes.can_reference(bucket)
	not split_resources_unavailable
	not logging_named(bucket.name)
	copies := {[c, t.address] |
		some l in tf.resources("aws_s3_bucket_logging")
		fixes.sibling(bucket, l)
		c := fixes.copied(l, ["target_bucket"], l.config.target_bucket)
		some t in buckets
		logs_into(l, t)
	}
	targets := {[c.value, address] | some [c, address] in copies}
	count(targets) == 1
	some [_, address] in targets
	some target_bucket in buckets
	target_bucket.address == address
	target_bucket.address != bucket.address
	admits_any_source(target_bucket)
	some [target, _] in copies
	derived := [c.derived | some [c, _] in copies]
} else := []

logging_named(name) if {
	some l in tf.resources("aws_s3_bucket_logging")
	not l.module
	l.name == name
}

logs_into(l, t) if {
	some ref in l.references
	ref.path == ["target_bucket"]
	tf.refers_to(ref.target, t.address)
}

logs_into(l, t) if {
	name := unknown.known_string(l.config.target_bucket)
	name == t.config.bucket
}

# The log bucket's policies: every statement is known, and each that lets logging.s3.amazonaws.com
# in covers every object of the bucket and names no source bucket.
admits_any_source(t) if {
	every q in bucket_policies(t) {
		is_object(q.doc)
		not unknown.is_unknown(q.doc)
		not iam.has_unknown_statement(q.doc)
		every entry in iam.statements(q.doc) {
			not narrow_log_grant(entry.statement)
		}
	}
}

narrow_log_grant(statement) if {
	is_object(statement.Principal)
	"logging.s3.amazonaws.com" in iam.as_list(object.get(statement.Principal, "Service", null))
	some key, _ in object.get(statement, "Condition", {})[_]
	lower(key) == "aws:sourcearn"
}

narrow_log_grant(statement) if {
	is_object(statement.Principal)
	"logging.s3.amazonaws.com" in iam.as_list(object.get(statement.Principal, "Service", null))
	some arn in iam.as_list(object.get(statement, "Resource", null))
	not whole_bucket(arn)
}

narrow_log_grant(statement) if {
	is_object(statement.Principal)
	"logging.s3.amazonaws.com" in iam.as_list(object.get(statement.Principal, "Service", null))
	unknown.is_unknown(statement.Condition)
}

whole_bucket(arn) if regex.match(`^arn:aws[a-z-]*:s3:::[^/]+/\*$`, arn)

whole_bucket(arn) if regex.match(`^"?\$\{[^}]+\.arn\}/\*"?$`, arn["$unknown"])
