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

# container_properties is JSON: parsed by the front end (jsonencode) or still a string (heredoc).
parsed(v) := v if is_object(v)

parsed(v) := json.unmarshal(v) if {
	is_string(v)
	json.is_valid(v)
}
