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
#   remediation: "Remove \"privileged\": true from container_properties and grant only the capabilities the job needs."
#   fixable: false
package palisade.aws.batch.job_definition_privileged

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

deny contains result.fail(r, ["container_properties", "privileged"], msg) if {
	some r in tf.resources("aws_batch_job_definition")
	props := parsed(r.config.container_properties)
	unknown.is_true(props.privileged)
	msg := sprintf("%s runs its container in privileged mode", [r.address])
}

# container_properties is JSON: parsed by the front end (jsonencode) or still a string (heredoc).
parsed(v) := v if is_object(v)

parsed(v) := json.unmarshal(v) if {
	is_string(v)
	json.is_valid(v)
}
