package palisade.aws.apigateway.stage_waf_missing_test

import data.palisade.aws.apigateway.stage_waf_missing as rule

stage := {"address": "aws_api_gateway_stage.prod", "type": "aws_api_gateway_stage", "name": "prod", "config": {"stage_name": "prod", "rest_api_id": {"$unknown": "aws_api_gateway_rest_api.api.id"}}, "references": [{"path": ["rest_api_id"], "target": "aws_api_gateway_rest_api.api"}]}

api(types) := {"address": "aws_api_gateway_rest_api.api", "type": "aws_api_gateway_rest_api", "name": "api", "config": {"name": "api", "endpoint_configuration": [{"types": types}]}, "references": []}

association(target) := {"address": "aws_wafv2_web_acl_association.a", "type": "aws_wafv2_web_acl_association", "name": "a", "config": {"resource_arn": {"$unknown": "x"}, "web_acl_arn": {"$unknown": "aws_wafv2_web_acl.w.arn"}}, "references": [{"path": ["resource_arn"], "target": target}]}

test_stage_without_web_acl_fires if {
	rule.deny == {{"msg": "aws_api_gateway_stage.prod is not protected by AWS WAF", "resource": "aws_api_gateway_stage.prod", "path": []}} with input as {"resources": [api(["REGIONAL"]), stage]}
}

test_association_to_another_stage_does_not_protect if {
	count(rule.deny) == 1 with input as {"resources": [api(["REGIONAL"]), stage, association("aws_api_gateway_stage.other")]}
}

test_associated_stage_passes if {
	count(rule.deny) == 0 with input as {"resources": [api(["REGIONAL"]), stage, association("aws_api_gateway_stage.prod")]}
}

test_unresolved_association_may_protect if {
	unresolved := {"address": "aws_wafv2_web_acl_association.a", "type": "aws_wafv2_web_acl_association", "name": "a", "config": {"resource_arn": {"$unknown": "var.stage_arn"}}, "references": []}
	count(rule.deny) == 0 with input as {"resources": [api(["REGIONAL"]), stage, unresolved]}
}

test_private_api_is_not_judged if {
	count(rule.deny) == 0 with input as {"resources": [api(["PRIVATE"]), stage]}
}

deployment := {"address": "aws_api_gateway_deployment.v1", "type": "aws_api_gateway_deployment", "name": "v1", "config": {"stage_name": "v1", "rest_api_id": {"$unknown": "aws_api_gateway_rest_api.api.id"}}, "references": [{"path": ["rest_api_id"], "target": "aws_api_gateway_rest_api.api"}]}

test_deployment_created_stage_without_web_acl_fires if {
	rule.deny == {{"msg": "aws_api_gateway_deployment.v1 creates the stage v1, which is not protected by AWS WAF", "resource": "aws_api_gateway_deployment.v1", "path": ["stage_name"]}} with input as {"resources": [api(["REGIONAL"]), deployment]}
	count(rule.deny) == 1 with input as {"resources": [api(["REGIONAL"]), deployment, association("aws_api_gateway_stage.other")]}
}

test_deployment_without_stage_or_protected_or_private_passes if {
	plain := json.patch(deployment, [{"op": "remove", "path": "/config/stage_name"}])
	count(rule.deny) == 0 with input as {"resources": [api(["REGIONAL"]), plain]}
	empty := json.patch(deployment, [{"op": "replace", "path": "/config/stage_name", "value": ""}])
	count(rule.deny) == 0 with input as {"resources": [api(["REGIONAL"]), empty]}
	count(rule.deny) == 0 with input as {"resources": [api(["REGIONAL"]), deployment, association("aws_api_gateway_deployment.v1")]}
	count(rule.deny) == 0 with input as {"resources": [api(["REGIONAL"]), deployment, association("aws_api_gateway_rest_api.api")]}
	count(rule.deny) == 0 with input as {"resources": [api(["PRIVATE"]), deployment]}
}
