# METADATA
# title: ECS cluster does not log ECS Exec sessions
# description: |
#   ECS Exec opens an interactive shell, or runs a command, inside a running container. A cluster
#   whose configuration.execute_command_configuration sets logging = "NONE" records neither the
#   commands nor their output, so whoever holds ecs:ExecuteCommand can read secrets from a
#   container's environment or change the running application without a trace beyond the
#   ExecuteCommand call in CloudTrail. "DEFAULT" (the value when logging is not set) sends the
#   session to the task definition's awslogs destination, "OVERRIDE" to the CloudWatch log group or
#   S3 bucket the cluster names. No fix: where the sessions should go, and what storing them
#   costs, is the owner's choice.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-exec.html
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ExecuteCommandConfiguration.html
# custom:
#   id: PAL-AWS-ECS-010
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_ecs_cluster]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_223
#   cwe: ["CWE-778"]
#   remediation: >-
#     Set execute_command_configuration.logging = "DEFAULT" (with an awslogs log configuration in the
#     task definitions) or "OVERRIDE" with a log_configuration naming a log group or bucket.
#   fixable: false
package palisade.aws.ecs.exec_logging_disabled

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

deny contains result.fail(r, path, msg) if {
	some r in tf.resources("aws_ecs_cluster")
	some i, conf in tf.blocks(r, "configuration")
	some j, exec in unknown.items(object.get(conf, "execute_command_configuration", []))
	object.get(exec, "logging", null) == "NONE"
	path := ["configuration", i, "execute_command_configuration", j, "logging"]
	msg := sprintf("%s does not log ECS Exec sessions (execute_command_configuration.logging = \"NONE\")", [r.address])
}
