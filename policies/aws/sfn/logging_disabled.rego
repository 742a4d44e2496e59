# METADATA
# title: Step Functions state machine does not log its executions
# description: |
#   A state machine logs nothing unless its logging_configuration names a CloudWatch Logs
#   destination and a level other than OFF (the default). Without it there is no record of the
#   executions that failed, timed out or were aborted, or of the input that drove them: an Express
#   state machine keeps no execution history at all, and a Standard one keeps it in the console
#   for 90 days only. AWS Security Hub (StepFunctions.1) asks for logging at any level but OFF.
#   Opaque terraform-aws-modules/step-functions calls are judged by their logging_configuration
#   input, whose level is OFF unless set, in every version.
#   No fix is offered: the log group (its name, retention and key) is the owner's choice, and the
#   API refuses a level other than OFF without a destination.
# related_resources:
#   - ref: https://docs.aws.amazon.com/step-functions/latest/dg/cw-logs.html
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/stepfunctions-controls.html#stepfunctions-1
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/sfn_state_machine#logging_configuration
# custom:
#   id: PAL-AWS-SFN-001
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_sfn_state_machine, "module:terraform-aws-modules/step-functions/aws"]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_285
#   cwe: ["CWE-778"]
#   remediation: Add logging_configuration { log_destination = "${aws_cloudwatch_log_group.<name>.arn}:*", level = "ERROR" } (or ALL).
#   fixable: false
package palisade.aws.sfn.logging_disabled

import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

# No logging_configuration block (a dynamic one whose for_each is known to be empty included):
# the service default, level OFF. An unknown block list may hold one, so it is left alone.
deny contains result.fail(r, ["logging_configuration"], msg(r)) if {
	some r in tf.resources("aws_sfn_state_machine")
	count(tf.blocks(r, "logging_configuration")) == 0
	not unknown.is_unknown(object.get(r.config, "logging_configuration", []))
}

# A block whose level is OFF, or unset (the provider sends none and the service keeps OFF).
deny contains result.fail(r, path, msg(r)) if {
	some r in tf.resources("aws_sfn_state_machine")
	some i, logging in tf.blocks(r, "logging_configuration")
	off(object.get(logging, "level", null))
	path := ["logging_configuration", i, "level"]
}

# Opaque terraform-aws-modules/step-functions calls. The module adds its logging_configuration block
# only when logging_configuration["level"] is set and not "OFF" (v2 on: try(level, "OFF") != "OFF",
# the input defaulting to {}; v1.3 to v1.x: the input defaulting to level = "OFF"; before v1.3 the
# module had no logging at all). So a call without the input logs nothing, whatever its version:
# the call header is reported; a map without level, or with level OFF, is reported on the map or
# the level. An unknown map or level is left alone.
deny contains result.fail(m, [], msg(m)) if {
	some m in modules.sfn_state_machines
	object.get(m.config, "logging_configuration", null) == null
}

deny contains result.fail(m, path, msg(m)) if {
	some m in modules.sfn_state_machines
	logging := m.config.logging_configuration
	is_object(logging)
	not unknown.is_unknown(logging)
	level := object.get(logging, "level", null)
	off(level)
	path := module_level_path(level)
}

off(null)

off(level) if {
	is_string(level)
	upper(level) == "OFF"
}

module_level_path(null) := ["logging_configuration"]

module_level_path(level) := ["logging_configuration", "level"] if level != null

msg(r) := sprintf("%s does not log its executions (logging level OFF)", [r.address])
