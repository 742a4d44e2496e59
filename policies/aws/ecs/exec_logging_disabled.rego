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
#   costs, is the owner's choice. terraform-aws-modules/ecs calls (the root module and its
#   cluster submodule) are read through cluster_configuration.execute_command_configuration.logging.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-exec.html
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ExecuteCommandConfiguration.html
# custom:
#   id: PAL-AWS-ECS-010
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_ecs_cluster, "module:terraform-aws-modules/ecs/aws"]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_223
#   cwe: ["CWE-778"]
#   remediation: >-
#     Set execute_command_configuration.logging = "DEFAULT" (with an awslogs log configuration in the
#     task definitions) or "OVERRIDE" with a log_configuration naming a log group or bucket.
#   fixable: false
package palisade.aws.ecs.exec_logging_disabled

import data.palisade.lib.modules
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

# terraform-aws-modules/ecs v5 (commit eff78ccf, modules/cluster/main.tf): the root module hands
# cluster_configuration to its cluster submodule, which merges the caller's
# execute_command_configuration over its own OVERRIDE default (or uses it as is without the
# module's log group), so the caller's logging = "NONE" reaches the cluster. Other majors' inputs
# (the cluster submodule's `configuration` in v7) were not read, so they are not judged.
deny contains result.fail(m, path, msg) if {
	some m in module_clusters
	exec := object.get(object.get(m.config, "cluster_configuration", {}), "execute_command_configuration", {})
	is_object(exec)
	object.get(exec, "logging", null) == "NONE"
	path := ["cluster_configuration", "execute_command_configuration", "logging"]
	msg := sprintf("%s does not log ECS Exec sessions (execute_command_configuration.logging = \"NONE\")", [m.address])
}

module_clusters contains m if {
	some m in modules.opaque_calls("ecs")
	modules.creates(m, ["create", "putin_khuylo"])
}

module_clusters contains m if {
	some m in modules.submodule_calls("ecs", "cluster")
	modules.creates(m, ["create"])
}
