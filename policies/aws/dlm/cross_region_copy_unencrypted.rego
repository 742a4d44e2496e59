# METADATA
# title: DLM policy copies snapshots to another Region without encrypting them
# description: |
#   A Data Lifecycle Manager cross-Region copy rule with encrypted = false (or an event-based
#   policy's cross_region_copy whose encryption_configuration does not set encrypted = true) copies
#   an unencrypted snapshot or AMI as an unencrypted copy, unless the target Region happens to
#   encrypt EBS by default. The copies are the ones kept for disaster recovery, often longest and
#   in another account's reach; encrypted sources stay encrypted whatever the setting.
# related_resources:
#   - ref: https://docs.aws.amazon.com/ebs/latest/userguide/snapshot-ami-policy.html
#   - ref: https://docs.aws.amazon.com/dlm/latest/APIReference/API_CrossRegionCopyRule.html
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/dlm_lifecycle_policy#cross_region_copy_rule
# custom:
#   id: PAL-AWS-DLM-001
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_dlm_lifecycle_policy]
#   frameworks: {}
#   references:
#     checkov: [CKV_AWS_253, CKV_AWS_255]
#   cwe: ["CWE-311"]
#   remediation: >-
#     Set encrypted = true on each cross_region_copy_rule (and in the encryption_configuration of an
#     event-based policy's cross_region_copy), with cmk_arn naming a key in the target Region, or
#     without it to use the target Region's default EBS key.
#   fixable: true
package palisade.aws.dlm.cross_region_copy_unencrypted

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

# The fix writes encrypted = true: DLM then encrypts each copy with cmk_arn, or with the target
# Region's default EBS key (aws/ebs, which every account has) when cmk_arn is unset; already
# encrypted sources are copied as before. Both are in-place updates of the policy.

# Snapshot and AMI policies: schedule.cross_region_copy_rule.encrypted (required by the provider; a
# JSON or variable "false" counts, an unknown does not). The rule's target argument is spelled
# target or, from provider 5.x, target_region: neither is read.
deny contains result.fail_fix(r, path, msg(r), [result.set(path, true)]) if {
	some r in tf.resources("aws_dlm_lifecycle_policy")
	some i, details in tf.blocks(r, "policy_details")
	some j, schedule in unknown.items(object.get(details, "schedule", []))
	some k, copy in unknown.items(object.get(schedule, "cross_region_copy_rule", []))
	unknown.is_false(object.get(copy, "encrypted", null))
	path := ["policy_details", i, "schedule", j, "cross_region_copy_rule", k, "encrypted"]
}

# Event-based policies: action.cross_region_copy.encryption_configuration.encrypted, optional
# (false when unset).
deny contains result.fail_fix(r, path, msg(r), [result.set(fix_path, true)]) if {
	some r in tf.resources("aws_dlm_lifecycle_policy")
	some i, details in tf.blocks(r, "policy_details")
	some j, action in unknown.items(object.get(details, "action", []))
	some k, copy in unknown.items(object.get(action, "cross_region_copy", []))
	some l, encryption in unknown.items(object.get(copy, "encryption_configuration", []))
	base := ["policy_details", i, "action", j, "cross_region_copy", k, "encryption_configuration", l]
	[path, fix_path] := event_paths(base, object.get(encryption, "encrypted", null))
}

event_paths(base, null) := [base, array.concat(base, ["encrypted"])]

event_paths(base, v) := [path, path] if {
	unknown.is_false(v)
	path := array.concat(base, ["encrypted"])
}

msg(r) := sprintf("%s copies snapshots to another Region without encrypting them", [r.address])
