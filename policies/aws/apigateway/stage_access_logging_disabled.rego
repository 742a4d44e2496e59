# METADATA
# title: API Gateway stage has no access logging
# description: |
#   Without access_log_settings the stage keeps no record of who called which route, from where
#   and with what result, so abuse, credential stuffing and data scraping through the API cannot
#   be detected or investigated.
# related_resources:
#   - ref: https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html
# custom:
#   id: PAL-AWS-APIGATEWAY-001
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_api_gateway_stage, aws_apigatewayv2_stage, aws_api_gateway_deployment]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_76
#     trivy: AVD-AWS-0001
#     kics:
#       - 1b6799eb-4a7a-4b04-9001-8cceb9999326
#       - 9111f9a5-6b80-40f9-bc82-c05f970779c3
#   cwe: ["CWE-778"]
#   remediation: Add access_log_settings with a CloudWatch Logs or Firehose destination.
#   fixable: false
package palisade.aws.apigateway.stage_access_logging_disabled

import data.palisade.lib.result
import data.palisade.lib.tf

types := {"aws_api_gateway_stage", "aws_apigatewayv2_stage"}

deny contains result.fail(r, ["access_log_settings"], msg) if {
	some r in input.resources
	r.type in types
	tf.missing_attr(r, ["access_log_settings"])
	msg := sprintf("%s has no access logging", [r.address])
}

# A deployment with stage_name (provider v3/v4; deprecated in v5) creates that stage itself, and a
# stage created that way has no access logging: CreateDeployment cannot set it, and the stage is
# not an aws_api_gateway_stage this configuration could give one to.
deny contains result.fail(r, ["stage_name"], msg) if {
	some r in tf.resources("aws_api_gateway_deployment")
	tf.has_attr(r, ["stage_name"])
	msg := sprintf("%s creates the stage %v, which has no access logging", [r.address, r.config.stage_name])
}
