# METADATA
# title: Batch job definition runs a privileged container
# description: |
#   A privileged container gets every Linux capability and access to the host's devices, so a
#   compromised job can escape to the compute environment's instance and reach every other job on
#   it.
# related_resources:
#   - ref: https://docs.aws.amazon.com/batch/latest/userguide/job_definition_parameters.html#ContainerProperties
# custom:
#   id: PAL-AWS-BATCH-001
#   severity: high
#   formats: [terraform]
#   resource_types: [aws_batch_job_definition]
#   references:
#     checkov: CKV_AWS_210
#     kics: 66cd88ac-9ddf-424a-b77e-e55e17630bee
#   cwe: ["CWE-250"]
#   remediation: "Remove \"privileged\": true from the container (any of the job's properties) and grant only the capabilities it needs."
#   fixable: true
package palisade.aws.batch.job_definition_privileged

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

# The fix sets the key to false where it is written (inside jsonencode or the JSON text: fix/document-set.ts);
# a value that comes from a variable or local is left to the author.
deny contains result.fail_fix(r, ["container_properties", "privileged"], msg, [result.set(["container_properties", "privileged"], false)]) if {
	some r in tf.resources("aws_batch_job_definition")
	props := parsed(r.config.container_properties)
	unknown.is_true(props.privileged)
	msg := sprintf("%s runs its container in privileged mode", [r.address])
}

# Job definitions of provider 5.x can describe their containers three other ways: ecs_properties
# (JSON; taskProperties[].containers[]), node_properties for multi-node jobs (JSON;
# nodeRangeProperties[].container) and eks_properties (blocks; a container's security_context).
deny contains result.fail_fix(r, path, msg, [result.set(path, false)]) if {
	some r in tf.resources("aws_batch_job_definition")
	props := parsed(object.get(r.config, "ecs_properties", null))
	some i, task in unknown.items(object.get(props, "taskProperties", []))
	some j, container in unknown.items(object.get(task, "containers", []))
	unknown.is_true(object.get(container, "privileged", false))
	path := ["ecs_properties", "taskProperties", i, "containers", j, "privileged"]
	msg := sprintf("%s runs container %v in privileged mode", [r.address, object.get(container, "name", j)])
}

deny contains result.fail_fix(r, path, msg, [result.set(path, false)]) if {
	some r in tf.resources("aws_batch_job_definition")
	props := parsed(object.get(r.config, "node_properties", null))
	some i, node_range in unknown.items(object.get(props, "nodeRangeProperties", []))
	unknown.is_true(object.get(object.get(node_range, "container", {}), "privileged", false))
	path := ["node_properties", "nodeRangeProperties", i, "container", "privileged"]
	msg := sprintf("%s runs the container of nodes %v in privileged mode", [r.address, object.get(node_range, "targetNodes", i)])
}

deny contains result.fail_fix(r, path, msg, [result.set(path, false)]) if {
	some r in tf.resources("aws_batch_job_definition")
	some i, eks in tf.blocks(r, "eks_properties")
	some j, pod in unknown.items(object.get(eks, "pod_properties", []))
	some kind in ["containers", "init_containers"]
	some k, container in unknown.items(object.get(pod, kind, []))
	some l, context in unknown.items(object.get(container, "security_context", []))
	unknown.is_true(object.get(context, "privileged", false))
	path := ["eks_properties", i, "pod_properties", j, kind, k, "security_context", l, "privileged"]
	msg := sprintf("%s runs container %v in privileged mode", [r.address, object.get(container, "name", k)])
}

# container_properties is JSON: parsed by the front end (jsonencode) or still a string (heredoc).
parsed(v) := v if is_object(v)

parsed(v) := json.unmarshal(v) if {
	is_string(v)
	json.is_valid(v)
}
