# METADATA
# title: Redshift cluster is not encrypted
# description: |
#   An unencrypted Redshift cluster stores its data blocks, system metadata and snapshots in clear
#   text. Data warehouses tend to hold the most complete copy of an organisation's data. Leaving
#   `encrypted` unset is reported unless the cluster sets the resource-level `region` argument,
#   which exists from AWS provider 6.0, where unset is true.
# related_resources:
#   - ref: https://docs.aws.amazon.com/redshift/latest/mgmt/working-with-db-encryption.html
# custom:
#   id: PAL-AWS-REDSHIFT-001
#   severity: high
#   formats: [terraform]
#   resource_types: [aws_redshift_cluster, "module:terraform-aws-modules/redshift/aws"]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_64
#     kics: cfdcabb0-fc06-427c-865b-c59f13e898ce
#   cwe: ["CWE-311"]
#   remediation: Set encrypted = true (optionally with kms_key_id).
#   fixable: true
package palisade.aws.redshift.cluster_not_encrypted

import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.unknown

types := {"aws_redshift_cluster"}

deny contains result.fail_fix(r, ["encrypted"], msg, [result.set(["encrypted"], true)]) if {
	some r in input.resources
	r.type in types
	bad(r, object.get(r.config, "encrypted", null))
	msg := sprintf("%s is not encrypted", [r.address])
}

# Opaque terraform-aws-modules/redshift calls pass encrypted; its default was false in v2 (read in
# that release's variables.tf) and is true in current releases, so unset is reported only on calls
# pinned below v3.
deny contains result.fail_fix(m, ["encrypted"], msg, [result.set(["encrypted"], true)]) if {
	some m in modules.redshift_clusters
	old_default_off(m, "encrypted")
	msg := sprintf("%s is not encrypted", [m.address])
}

old_default_off(m, arg) if unknown.is_false(object.get(m.config, arg, null))

old_default_off(m, arg) if {
	object.get(m.config, arg, null) == null
	modules.pinned_below(m, 3)
}

# Unset: false before provider 6.0, true from 6.0 (its upgrade guide); `region` on the resource
# exists only from 6.0, so a cluster that sets it (known or not) gets the newer default.
bad(r, null) if object.get(r.config, "region", null) == null

bad(_, v) if unknown.is_false(v)
