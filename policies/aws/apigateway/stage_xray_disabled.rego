# METADATA
# title: API Gateway stage does not have X-Ray tracing
# description: |
#   Without X-Ray tracing, requests through the stage leave no end-to-end trace, which makes it much
#   harder to reconstruct what an abusive or failing request touched.
# related_resources:
#   - ref: https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-xray.html
# custom:
#   id: PAL-AWS-APIGATEWAY-006
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_api_gateway_stage, aws_api_gateway_deployment]
#   references:
#     checkov: CKV_AWS_73
#     trivy: AVD-AWS-0003
#     kics: 5813ef56-fa94-406a-b35d-977d4a56ff2b
#   remediation: Set xray_tracing_enabled = true.
#   fixable: true
package palisade.aws.apigateway.stage_xray_disabled

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

# Advisory: tracing costs money and not every API needs it.
warn contains result.fail_fix(r, ["xray_tracing_enabled"], msg, [result.set(["xray_tracing_enabled"], true)]) if {
	some r in tf.resources("aws_api_gateway_stage")
	unknown.not_true(object.get(r.config, "xray_tracing_enabled", false))
	msg := sprintf("%s does not enable X-Ray tracing", [r.address])
}

# A deployment with stage_name (provider v3/v4) creates that stage without tracing, and
# CreateDeployment cannot turn it on; no fix: the stage should become an aws_api_gateway_stage.
warn contains result.fail(r, ["stage_name"], msg) if {
	some r in tf.resources("aws_api_gateway_deployment")
	tf.has_attr(r, ["stage_name"])
	msg := sprintf("%s creates the stage %v without X-Ray tracing", [r.address, r.config.stage_name])
}
