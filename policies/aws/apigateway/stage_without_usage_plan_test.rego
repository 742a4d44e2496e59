package palisade.aws.apigateway.stage_without_usage_plan_test

import data.palisade.aws.apigateway.stage_without_usage_plan as rule

test_fires_without_plan if {
	rule.warn == {{"msg": "aws_api_gateway_stage.prod is in no usage plan, so its callers are not throttled or metered", "resource": "aws_api_gateway_stage.prod", "path": []}} with input as {"resources": [{"address": "aws_api_gateway_stage.prod", "type": "aws_api_gateway_stage", "name": "prod", "config": {"rest_api_id": "api1", "stage_name": "prod"}, "references": []}]}
}

test_fires_when_plan_covers_other_stage if {
	rule.warn == {{"msg": "aws_api_gateway_stage.prod is in no usage plan, so its callers are not throttled or metered", "resource": "aws_api_gateway_stage.prod", "path": []}} with input as {"resources": [{"address": "aws_api_gateway_stage.prod", "type": "aws_api_gateway_stage", "name": "prod", "config": {"rest_api_id": "api1", "stage_name": "prod"}, "references": []}, {"address": "aws_api_gateway_usage_plan.basic", "type": "aws_api_gateway_usage_plan", "name": "basic", "config": {"api_stages": [{"api_id": "api2", "stage": "prod"}]}, "references": []}]}
}

test_passes_when_in_plan if {
	count(rule.warn) == 0 with input as {"resources": [{"address": "aws_api_gateway_stage.prod", "type": "aws_api_gateway_stage", "name": "prod", "config": {"rest_api_id": "api1", "stage_name": "prod"}, "references": []}, {"address": "aws_api_gateway_usage_plan.basic", "type": "aws_api_gateway_usage_plan", "name": "basic", "config": {"api_stages": [{"api_id": "api1", "stage": "prod"}]}, "references": []}]}
}

test_unknown_does_not_fire if {
	count(rule.warn) == 0 with input as {"resources": [{"address": "aws_api_gateway_stage.prod", "type": "aws_api_gateway_stage", "name": "prod", "config": {"rest_api_id": "api1", "stage_name": "prod"}, "references": []}, {"address": "aws_api_gateway_usage_plan.basic", "type": "aws_api_gateway_usage_plan", "name": "basic", "config": {"api_stages": [{"api_id": {"$unknown": "var.x"}, "stage": "prod"}]}, "references": []}]}
}

deployment(config) := {"address": "aws_api_gateway_deployment.v1", "type": "aws_api_gateway_deployment", "name": "v1", "config": config, "references": []}

test_fires_on_deployment_stage if {
	rule.warn == {{"msg": "aws_api_gateway_deployment.v1 creates a stage that is in no usage plan, so its callers are not throttled or metered", "resource": "aws_api_gateway_deployment.v1", "path": []}} with input as {"resources": [deployment({"rest_api_id": "api1", "stage_name": "prod"}), {"address": "aws_api_gateway_usage_plan.basic", "type": "aws_api_gateway_usage_plan", "name": "basic", "config": {"api_stages": [{"api_id": "api2", "stage": "prod"}]}, "references": []}]}
}

test_passes_on_deployment if {
	# no stage of its own (an aws_api_gateway_stage points at it), or its stage is in a plan
	count(rule.warn) == 0 with input as {"resources": [deployment({"rest_api_id": "api1"})]}
	count(rule.warn) == 0 with input as {"resources": [deployment({"rest_api_id": "api1", "stage_name": ""})]}
	count(rule.warn) == 0 with input as {"resources": [deployment({"rest_api_id": "api1", "stage_name": "prod"}), {"address": "aws_api_gateway_usage_plan.basic", "type": "aws_api_gateway_usage_plan", "name": "basic", "config": {"api_stages": [{"api_id": "api1", "stage": "prod"}]}, "references": []}]}
	count(rule.warn) == 0 with input as {"resources": [deployment({"rest_api_id": "api1", "stage_name": "prod"}), {"address": "aws_api_gateway_usage_plan.basic", "type": "aws_api_gateway_usage_plan", "name": "basic", "config": {"api_stages": [{"api_id": {"$unknown": "aws_api_gateway_rest_api.a.id"}, "stage": {"$unknown": "aws_api_gateway_deployment.v1.stage_name"}}]}, "references": [{"path": ["api_stages", 0, "stage"], "target": "aws_api_gateway_deployment.v1", "attribute": "stage_name"}]}]}
}

test_unknown_deployment_stage_does_not_fire if {
	count(rule.warn) == 0 with input as {"resources": [deployment({"rest_api_id": "api1", "stage_name": {"$unknown": "var.stage"}})]}
}

api_ref(r, api) := object.union(r, {"config": object.union(r.config, {"rest_api_id": {"$unknown": concat("", [api, ".id"])}}), "references": [{"path": ["rest_api_id"], "target": api, "attribute": "id"}]})

plan_for(api, stage_ref) := {"address": "aws_api_gateway_usage_plan.plan", "type": "aws_api_gateway_usage_plan", "name": "plan", "config": {"api_stages": [{"api_id": {"$unknown": concat("", [api, ".id"])}, "stage": {"$unknown": concat("", [stage_ref, ".stage_name"])}}]}, "references": [{"path": ["api_stages", 0, "api_id"], "target": api, "attribute": "id"}, {"path": ["api_stages", 0, "stage"], "target": stage_ref, "attribute": "stage_name"}]}

test_plan_of_another_api_does_not_cover if {
	# the usual form: everything by reference; the plan covers api.a's deployment only
	covered := api_ref(object.union(deployment({"stage_name": "prod"}), {"address": "aws_api_gateway_deployment.a"}), "aws_api_gateway_rest_api.a")
	uncovered := api_ref(deployment({"stage_name": "prod"}), "aws_api_gateway_rest_api.b")
	rule.warn == {{"msg": "aws_api_gateway_deployment.v1 creates a stage that is in no usage plan, so its callers are not throttled or metered", "resource": "aws_api_gateway_deployment.v1", "path": []}} with input as {"resources": [covered, uncovered, plan_for("aws_api_gateway_rest_api.a", "aws_api_gateway_deployment.a")]}

	# with no plan at all, a stage of a managed API is reported although its rest_api_id is unknown
	count(rule.warn) == 1 with input as {"resources": [uncovered]}

	# a literal api_id cannot be the id of an API created here
	literal_plan := {"address": "aws_api_gateway_usage_plan.plan", "type": "aws_api_gateway_usage_plan", "name": "plan", "config": {"api_stages": [{"api_id": "a1b2c3d4e5", "stage": {"$unknown": "var.stage"}}]}, "references": []}
	count(rule.warn) == 1 with input as {"resources": [uncovered, literal_plan]}
}

test_plan_of_the_same_api_or_unknown_covers if {
	same := api_ref(deployment({"stage_name": "prod"}), "aws_api_gateway_rest_api.a")
	count(rule.warn) == 0 with input as {"resources": [same, plan_for("aws_api_gateway_rest_api.a", "aws_api_gateway_stage.other")]}

	# an API from a variable or a data source may be any API
	from_var := object.union(deployment({"stage_name": "prod"}), {"config": {"rest_api_id": {"$unknown": "var.api_id"}, "stage_name": "prod"}})
	count(rule.warn) == 0 with input as {"resources": [from_var]}
	from_data := api_ref(deployment({"stage_name": "prod"}), "data.aws_api_gateway_rest_api.a")
	count(rule.warn) == 0 with input as {"resources": [from_data]}

	# api_stages from a dynamic block over a variable
	dynamic_plan := {"address": "aws_api_gateway_usage_plan.plan", "type": "aws_api_gateway_usage_plan", "name": "plan", "config": {"api_stages": {"$unknown": "var.stages"}}, "references": []}
	count(rule.warn) == 0 with input as {"resources": [same, dynamic_plan]}
}

test_plan_of_a_created_api_does_not_cover_a_literal_one if {
	literal := deployment({"rest_api_id": "abc123", "stage_name": "prod"})
	count(rule.warn) == 1 with input as {"resources": [literal, plan_for("aws_api_gateway_rest_api.a", "aws_api_gateway_deployment.a")]}
}

# Everything by reference but the stage name written out (or read from each.value.stage_name):
# the plan covers "dev" of the same API, not "qa".
test_plan_of_the_same_api_for_another_named_stage_does_not_cover if {
	qa := api_ref({"address": "aws_api_gateway_stage.qa", "type": "aws_api_gateway_stage", "name": "qa", "config": {"stage_name": "qa"}, "references": []}, "aws_api_gateway_rest_api.a")
	dev := api_ref({"address": "aws_api_gateway_stage.dev", "type": "aws_api_gateway_stage", "name": "dev", "config": {"stage_name": "dev"}, "references": []}, "aws_api_gateway_rest_api.a")
	plan := {"address": "aws_api_gateway_usage_plan.plan", "type": "aws_api_gateway_usage_plan", "name": "plan", "config": {"api_stages": [{"api_id": {"$unknown": "aws_api_gateway_rest_api.a.id"}, "stage": "dev"}]}, "references": [{"path": ["api_stages", 0, "api_id"], "target": "aws_api_gateway_rest_api.a", "attribute": "id"}]}
	rule.warn == {{"msg": "aws_api_gateway_stage.qa is in no usage plan, so its callers are not throttled or metered", "resource": "aws_api_gateway_stage.qa", "path": []}} with input as {"resources": [qa, dev, plan]}
}
