# METADATA
# title: Elastic Beanstalk environment does not stream its logs to CloudWatch
# description: |
#   An environment streams its instances' logs to CloudWatch Logs only when the option
#   aws:elasticbeanstalk:cloudwatch:logs StreamLogs is true; it is false unless set. Otherwise the
#   logs live on the instances, and are lost when Auto Scaling replaces one: the record of a
#   compromise or a failure goes with it. AWS Security Hub (ElasticBeanstalk.3) asks for streaming.
#   Environments built from a configuration template (template_name) are not judged: the template
#   may set the option.
# related_resources:
#   - ref: https://docs.aws.amazon.com/elasticbeanstalk/latest/dg/AWSHowTo.cloudwatchlogs.html
#   - ref: https://docs.aws.amazon.com/elasticbeanstalk/latest/dg/command-options-general.html#command-options-general-cloudwatchlogs
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/elasticbeanstalk-controls.html#elasticbeanstalk-3
# custom:
#   id: PAL-AWS-ELASTICBEANSTALK-001
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_elastic_beanstalk_environment]
#   frameworks: {}
#   references: {}
#   cwe: ["CWE-778"]
#   remediation: >-
#     Add a setting with namespace = "aws:elasticbeanstalk:cloudwatch:logs", name = "StreamLogs"
#     and value = "true" (the instance profile needs logs:CreateLogStream and logs:PutLogEvents,
#     which the default aws-elasticbeanstalk-ec2-role has).
#   fixable: true
package palisade.aws.elasticbeanstalk.cloudwatch_logs_disabled

# The fix turns streaming on with the option's own defaults (seven days' retention, logs kept
# when the environment is deleted: DeleteOnTerminate false); the retention is the author's to raise.

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

namespace := "aws:elasticbeanstalk:cloudwatch:logs"

option := {"namespace": namespace, "name": "StreamLogs", "value": "true"}

deny contains result.fail_fix(r, [], msg, [result.append_block([], "setting", option)]) if {
	some r in environments
	every s in tf.blocks(r, "setting") {
		not names_option(s)
	}
	msg := sprintf("%s does not stream its logs to CloudWatch Logs (StreamLogs is not set)", [r.address])
}

deny contains result.fail_fix(r, path, msg, [result.set(path, "true")]) if {
	some r in environments
	some i, s in tf.blocks(r, "setting")
	s.namespace == namespace
	s.name == "StreamLogs"
	unknown.is_false(lower(sprintf("%v", [s.value])))
	path := ["setting", i, "value"]
	msg := sprintf("%s does not stream its logs to CloudWatch Logs (StreamLogs = false)", [r.address])
}

# A missing option is reported on the environment itself (the first setting block, where
# ["setting"] would land, is some other option); the fix adds the setting block.

# Environments whose settings are all known by namespace and name, and not from a template.
environments contains r if {
	some r in tf.resources("aws_elastic_beanstalk_environment")
	tf.missing_attr(r, ["template_name"])
	not unknown.is_unknown(object.get(r.config, "setting", []))
	every s in tf.blocks(r, "setting") {
		is_string(s.namespace)
		is_string(s.name)
	}
}

names_option(s) if {
	s.namespace == namespace
	s.name == "StreamLogs"
}
