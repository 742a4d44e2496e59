# METADATA
# title: S3 bucket versioning is not enabled
# description: |
#   Without versioning an overwritten or deleted object is gone for good, whether by mistake,
#   a faulty deployment or ransomware. Versioning keeps prior versions so they can be restored,
#   and is a prerequisite for replication and Object Lock.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html
# custom:
#   id: PAL-AWS-S3-005
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_s3_bucket, aws_s3_bucket_versioning, "module:terraform-aws-modules/s3-bucket/aws"]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_21
#     trivy: AVD-AWS-0090
#     kics: 568a4d22-3517-44a6-a7ad-6a7eed88722c
#   remediation: Enable versioning (aws_s3_bucket_versioning with status = "Enabled").
#   fixable: true
package palisade.aws.s3.bucket_versioning_disabled

import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.s3
import data.palisade.lib.tf
import data.palisade.lib.unknown

versioning_type := "aws_s3_bucket_versioning"

# Split resource present but not Enabled ("Suspended", or "Disabled" at creation).
deny contains result.fail_fix(r, path, msg, [result.set(path, "Enabled")]) if {
	some r in tf.resources(versioning_type)
	some i, conf in tf.blocks(r, "versioning_configuration")
	status := unknown.known_string(conf.status)
	status != "Enabled"
	path := ["versioning_configuration", i, "status"]
	msg := sprintf("%s sets versioning status to %q instead of \"Enabled\"", [r.address, status])
}

# v3 inline block with enabled false or unset (when no split resource governs the bucket).
deny contains result.fail_fix(bucket, path, msg, [result.set(path, true)]) if {
	some bucket in s3.buckets
	not s3.has_companion(bucket, versioning_type)
	some i, v in tf.blocks(bucket, "versioning")
	unknown.not_true(object.get(v, "enabled", null))
	path := ["versioning", i, "enabled"]
	msg := sprintf("%s does not have versioning enabled", [bucket.address])
}

# No versioning at all. The fix adds a split aws_s3_bucket_versioning (provider 3.75+); a
# counted, for_each or module bucket gets no fix, as one new resource cannot name it reliably; a unit
# pinned to an older provider, which has no such resource type, gets the inline block instead.
deny contains result.fail_fix(bucket, ["versioning"], unversioned_msg(bucket), [fix]) if {
	not s3.split_resources_unavailable
	some bucket in unversioned
	not bucket.index
	not bucket.unexpanded
	not bucket.module
	fix := result.add_resource(versioning_type, bucket.name, {
		"bucket": result.expr(concat("", [bucket.address, ".id"])),
		"versioning_configuration": [{"status": "Enabled"}],
	})
}

deny contains result.fail(bucket, ["versioning"], unversioned_msg(bucket)) if {
	some bucket in unversioned
	instance_or_nested(bucket)
}

# A unit pinned below provider 3.75 has no split resource, but the bucket's own inline `versioning`
# block (every provider version before 5.0 reads it) does the same: the fix adds it to the bucket.
deny contains result.fail_fix(bucket, ["versioning"], unversioned_msg(bucket), [result.add_block([], "versioning", {"enabled": true})]) if {
	s3.split_resources_unavailable
	some bucket in unversioned
	not instance_or_nested(bucket)
}

# Opaque terraform-aws-modules/s3-bucket calls: `versioning = { enabled = true }` or
# `{ status = true }` (a map, not a block; s3.module_versioning reads it as the module does); the
# module creates no versioning configuration when the map is empty. The fix sets `enabled`, which
# the module reads first.
deny contains result.fail_fix(m, ["versioning", key], msg, [result.set(["versioning", "enabled"], true)]) if {
	some m in modules.s3_buckets
	is_object(m.config.versioning)
	state := s3.module_versioning(m.config.versioning)
	state[0] == "Suspended"
	key := state[1]
	msg := sprintf("%s does not have versioning enabled", [m.address])
}

deny contains result.fail_fix(m, ["versioning"], msg, [result.set(["versioning", "enabled"], true)]) if {
	some m in modules.s3_buckets
	m.config.versioning == {}
	msg := sprintf("%s does not have versioning enabled", [m.address])
}

# A map that sets neither `enabled` nor `status` (`{ mfa_delete = true }`, KICS's sample) enables
# nothing in v3, whose status expression then fails; later releases fall back to "Enabled". It
# is reported as before this rule read `status`: the intent is not written down either way.
deny contains result.fail_fix(m, ["versioning", "enabled"], msg, [result.set(["versioning", "enabled"], true)]) if {
	some m in modules.s3_buckets
	v := m.config.versioning
	is_object(v)
	unknown.known(v)
	count(v) > 0
	object.get(v, "enabled", null) == null
	object.get(v, "status", null) == null
	msg := sprintf("%s does not have versioning enabled", [m.address])
}

deny contains result.fail_fix(m, ["versioning"], msg, [result.set(["versioning"], {"enabled": true})]) if {
	some m in modules.s3_buckets
	tf.missing_attr(m, ["versioning"])
	msg := sprintf("%s does not have versioning enabled", [m.address])
}

unversioned contains bucket if {
	some bucket in s3.buckets
	not s3.has_companion(bucket, versioning_type)
	tf.missing_attr(bucket, ["versioning"])
}

instance_or_nested(bucket) if bucket.index != null

instance_or_nested(bucket) if bucket.unexpanded

instance_or_nested(bucket) if bucket.module

unversioned_msg(bucket) := sprintf("%s does not have versioning enabled", [bucket.address])
