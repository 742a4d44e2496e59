# METADATA
# title: DMS replication task does not log to CloudWatch Logs
# description: |
#   A DMS replication task writes its source and target activity to CloudWatch Logs only when its
#   settings set Logging.EnableLogging to true. DMS's default is
#   false, so a task with no settings, settings without a Logging section, or EnableLogging = false
#   keeps no record of what it read and wrote, of the tables it skipped or of the errors it hit
#   while copying a database. AWS Security Hub (DMS.7 for the target side, DMS.8 for the source
#   side) asks for logging on both. The log components and their severities are not judged. A DMS
#   Serverless replication (aws_dms_replication_config) is reported only when its settings write
#   EnableLogging as false: no AWS page read gives the serverless default.
# related_resources:
#   - ref: https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Tasks.CustomizingTasks.TaskSettings.Logging.html
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/dms-controls.html#dms-7
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/dms_replication_task#replication_task_settings
# custom:
#   id: PAL-AWS-DMS-005
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_dms_replication_task, aws_dms_replication_config]
#   frameworks: {}
#   references: {}
#   cwe: ["CWE-778"]
#   remediation: Set Logging.EnableLogging to true in replication_task_settings (replication_settings for aws_dms_replication_config).
#   fixable: false
package palisade.aws.dms.replication_task_logging_disabled

# Written for round 41 (Cloud Custodian's dms-replication-task-*-logging-disabled, Security Hub
# DMS.7/DMS.8). Settings read from a file, a variable or another unknown expression are left alone,
# as is an unknown Logging section or EnableLogging. Not fixable: DMS writes the logs through the
# account's dms-cloudwatch-logs-role, and a task turned to logging fails to start where that role
# has not been created, which the configuration cannot show.

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

settings_attribute := {
	"aws_dms_replication_task": "replication_task_settings",
	"aws_dms_replication_config": "replication_settings",
}

deny contains result.fail(r, path, msg) if {
	some type, attribute in settings_attribute
	some r in tf.resources(type)
	some path in silent(r, attribute)
	msg := sprintf("%s does not log its replication to CloudWatch Logs (EnableLogging is not true)", [r.address])
}

# silent(r, attribute): the path of the setting that leaves logging off, as a one-element set.
# Settings that leave EnableLogging out are judged on replication tasks only, whose default
# (false) the DMS User Guide's logging settings give; no AWS page read gives DMS Serverless's, and
# a public aws_dms_replication_config read back from AWS shows a serverless replication logging at
# every component without the author having asked, so a serverless configuration is reported only
# for an EnableLogging written as something other than true.
silent(r, attribute) := {[attribute]} if {
	r.type == "aws_dms_replication_task"
	object.get(r.config, attribute, null) in {null, ""}
} else := {[attribute]} if {
	r.type == "aws_dms_replication_task"
	settings := parsed(r.config[attribute])
	object.get(settings, "Logging", null) == null
} else := {path} if {
	settings := parsed(r.config[attribute])
	logging := settings.Logging
	is_object(logging)
	unknown.known(logging)
	enabled := object.get(logging, "EnableLogging", unset_enable_logging[r.type])
	unknown.known(enabled)
	not unknown.is_true(enabled)
	path := [attribute, "Logging", "EnableLogging"]
} else := set()

# EnableLogging when the Logging section leaves it out: DMS's default for a task; for a serverless
# replication it is not judged (true stands in, which no finding reads as off).
unset_enable_logging := {"aws_dms_replication_task": false, "aws_dms_replication_config": true}

# The settings are JSON: decoded by the front end when they hold an unknown leaf, a string when
# fully known. A wholly unknown value (file(), a variable) is not an object and yields nothing.
parsed(v) := v if {
	is_object(v)
	unknown.known(v)
}

parsed(v) := json.unmarshal(v) if {
	is_string(v)
	json.is_valid(v)
}
