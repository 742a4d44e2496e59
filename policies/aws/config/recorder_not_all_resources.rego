# METADATA
# title: AWS Config recorder does not record all resource types
# description: |
#   With all_supported = false the recorder tracks only the listed resource types, so
#   configuration changes to everything else (including new services) are invisible to Config
#   rules and audits. A recorder status with is_enabled = false stops the recorder: it then
#   records no resource type at all.
# related_resources:
#   - ref: https://docs.aws.amazon.com/config/latest/developerguide/select-resources.html
# custom:
#   id: PAL-AWS-CONFIG-001
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_config_configuration_recorder, aws_config_configuration_recorder_status]
#   frameworks: {}
#   references:
#     checkov: CKV2_AWS_45
#   cwe: ["CWE-778"]
#   remediation: Set recording_group { all_supported = true }, and is_enabled = true on the recorder status.
#   fixable: true
package palisade.aws.config.recorder_not_all_resources

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

types := {"aws_config_configuration_recorder"}

deny contains result.fail_fix(r, path, msg, [result.set(path, true)]) if {
	some r in input.resources
	r.type in types
	some i, b in tf.blocks(r, "recording_group")
	bad(object.get(b, "all_supported", null))
	path := ["recording_group", i, "all_supported"]
	msg := sprintf("%s does not record all supported resource types", [r.address])
}

# A stopped recorder (Security Hub Config.1, Checkov CKV2_AWS_45) records nothing, which is the
# furthest a recorder can be from recording all resource types.
deny contains result.fail_fix(r, ["is_enabled"], msg, [result.set(["is_enabled"], true)]) if {
	some r in input.resources
	r.type == "aws_config_configuration_recorder_status"
	bad(object.get(r.config, "is_enabled", null))
	msg := sprintf("%s stops the configuration recorder, so no resource type is recorded", [r.address])
}

bad(v) if unknown.is_false(v)
