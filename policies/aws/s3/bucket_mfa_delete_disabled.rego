# METADATA
# title: S3 bucket versioning does not require MFA delete
# description: |
#   With MFA delete, permanently deleting an object version or changing the versioning state
#   needs the root user's MFA code, so stolen credentials alone cannot destroy history. It can
#   only be enabled by the root user (with the mfa argument), so this is advisory.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/MultiFactorAuthenticationDelete.html
# custom:
#   id: PAL-AWS-S3-008
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_s3_bucket, aws_s3_bucket_versioning, "module:terraform-aws-modules/s3-bucket/aws"]
#   frameworks:
#     cis-aws-2.0: ["2.1.2"]
#   references:
#     checkov: CKV_AWS_52
#     trivy: AVD-AWS-0170
#     kics: c5b31ab9-0f26-4a49-b8aa-4cc064392f4d
#   cwe: ["CWE-308"]
#   remediation: Enable MFA delete on the bucket's versioning configuration (requires the root user's MFA).
#   fixable: false
#   follows: [PAL-AWS-S3-005]
package palisade.aws.s3.bucket_mfa_delete_disabled

import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.s3
import data.palisade.lib.tf
import data.palisade.lib.unknown

# Split resource (provider v4+): versioning on without MFA delete.
warn contains result.fail(r, path, msg) if {
	some r in tf.resources("aws_s3_bucket_versioning")
	some i, conf in tf.blocks(r, "versioning_configuration")
	conf.status == "Enabled"
	mfa := object.get(conf, "mfa_delete", null)
	unknown.known(mfa)
	mfa != "Enabled"
	path := ["versioning_configuration", i, "mfa_delete"]
	msg := sprintf("%s does not enable MFA delete", [r.address])
}

# MFA delete protects object versions; with versioning off it is not in effect even when set,
# so the finding lands on the switch that turns versioning off.
warn contains result.fail(r, path, msg) if {
	some r in tf.resources("aws_s3_bucket_versioning")
	some i, conf in tf.blocks(r, "versioning_configuration")
	status := object.get(conf, "status", null)
	unknown.known(status)
	status != "Enabled"
	path := ["versioning_configuration", i, "status"]
	msg := sprintf("%s has versioning off, so MFA delete is not in effect", [r.address])
}

# Inline versioning block (provider v3: `enabled`, `mfa_delete` booleans) and the registry
# module's `versioning` argument (also `status`, and words such as "Enabled"): both read through
# s3.module_versioning, which for a v3 block sees only `enabled`.
warn contains result.fail(holder, array.concat(prefix, ["mfa_delete"]), msg) if {
	some setting in versioning_settings
	[holder, prefix, v] := setting
	s3.module_versioning(v)[0] == "Enabled"
	unknown.known(object.get(v, "mfa_delete", null))
	not s3.module_mfa_delete_on(v)
	msg := sprintf("%s does not enable MFA delete", [holder.address])
}

warn contains result.fail(holder, array.concat(prefix, [key]), msg) if {
	some setting in versioning_settings
	[holder, prefix, v] := setting
	state := s3.module_versioning(v)
	state[0] == "Suspended"
	key := state[1]
	msg := sprintf("%s has versioning off, so MFA delete is not in effect", [holder.address])
}

# A v3 block that never enables versioning but writes mfa_delete = false: S3-005 reports the
# versioning; the explicit switch is reported here too, as enabling versioning would keep it off.
warn contains result.fail(bucket, ["versioning", i, "mfa_delete"], msg) if {
	some bucket in s3.buckets
	some i, v in tf.blocks(bucket, "versioning")
	object.get(v, "enabled", null) == null
	mfa := object.get(v, "mfa_delete", null)
	mfa != null
	unknown.known(mfa)
	not s3.module_mfa_delete_on(v)
	msg := sprintf("%s turns MFA delete off", [bucket.address])
}

# versioning_settings: [holder, path prefix, settings] for inline `versioning` blocks of buckets
# and the `versioning` map of terraform-aws-modules/s3-bucket calls.
versioning_settings contains [bucket, ["versioning", i], v] if {
	some bucket in s3.buckets
	some i, v in tf.blocks(bucket, "versioning")
}

versioning_settings contains [m, ["versioning"], v] if {
	some m in modules.s3_buckets
	v := object.get(m.config, "versioning", null)
	is_object(v)
}

# A block written in the call (not valid Terraform for a module, but the intent is the same map).
versioning_settings contains [m, ["versioning", i], v] if {
	some m in modules.s3_buckets
	some i, v in unknown.items(object.get(m.config, "versioning", null))
	is_object(v)
}
