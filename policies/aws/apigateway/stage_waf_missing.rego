# METADATA
# title: API Gateway REST API stage is not protected by AWS WAF
# description: |
#   No web ACL is associated with the stage, so every request reaches the integrations
#   unfiltered: no managed rules against SQL injection, XSS or known bad inputs, no rate-based
#   rules, no IP reputation lists. Stages of private REST APIs (reachable only through a VPC
#   endpoint) are not judged. HTTP and WebSocket APIs (API Gateway v2) cannot take a web ACL.
#   A deployment that names a stage_name creates that stage and is judged the same way.
# related_resources:
#   - ref: https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-control-access-aws-waf.html
# custom:
#   id: PAL-AWS-APIGATEWAY-011
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_api_gateway_stage, aws_api_gateway_deployment, aws_wafv2_web_acl_association, aws_wafregional_web_acl_association]
#   frameworks: {}
#   references:
#     checkov: CKV2_AWS_29
#     kics: a186e82c-1078-4a7b-85d8-579561fde884
#   cwe: ["CWE-693"]
#   remediation: Associate a WAF web ACL with the stage (aws_wafv2_web_acl_association with the stage's ARN).
#   fixable: false
package palisade.aws.apigateway.stage_waf_missing

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

association_types := {"aws_wafv2_web_acl_association", "aws_wafregional_web_acl_association"}

# No fix: which web ACL (and which rules) is the owner's choice.
deny contains result.fail(s, [], msg) if {
	some s in tf.resources("aws_api_gateway_stage")
	not protected(s)
	not private_api(s)
	msg := sprintf("%s is not protected by AWS WAF", [s.address])
}

# A deployment with stage_name (provider v3/v4) creates that stage itself. Its ARN is built from
# the REST API's id and the name, so an association to it does not reference a stage resource:
# one that refers to the deployment protects it, and one whose target is not a stage (unresolved)
# may; an association to an aws_api_gateway_stage does not.
deny contains result.fail(d, ["stage_name"], msg) if {
	some d in tf.resources("aws_api_gateway_deployment")
	name := d.config.stage_name
	name != ""
	not protected(d)
	not private_api(d)
	msg := sprintf("%s creates the stage %v, which is not protected by AWS WAF", [d.address, name])
}

protected(stage) if {
	some t in association_types
	count(tf.referencing(stage.address, t, ["resource_arn"])) > 0
}

# An association whose target Palisade cannot resolve may be this stage's.
protected(_) if {
	some t in association_types
	tf.unresolved(t, ["resource_arn"], "aws_api_gateway_stage")
}

# The stage's (or deployment's) REST API is PRIVATE, reachable only through interface VPC endpoints.
private_api(stage) if {
	some ref in tf.references_to(stage, ["rest_api_id"], "aws_api_gateway_rest_api")
	some api in tf.resources("aws_api_gateway_rest_api")
	tf.refers_to(ref.target, api.address)
	some ec in tf.blocks(api, "endpoint_configuration")
	"PRIVATE" in unknown.items(object.get(ec, "types", []))
}
