# METADATA
# title: API Gateway stage is not in a usage plan
# description: |
#   A usage plan sets throttling and quotas per API key. Without one the stage is limited only by
#   account-wide defaults, so a single abusive client can exhaust the account's request capacity or
#   run up the backend's bill. Stages created by a deployment's stage_name (provider v5 and
#   earlier) are checked too.
# related_resources:
#   - ref: https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-api-usage-plans.html
# custom:
#   id: PAL-AWS-APIGATEWAY-010
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_api_gateway_stage, aws_api_gateway_deployment, aws_api_gateway_usage_plan]
#   references:
#     kics: [c999cf62-0920-40f8-8dda-0caccd66ed7e, b3a59b8e-94a3-403e-b6e2-527abaf12034]
#   cwe: ["CWE-770"]
#   remediation: Add the stage to an aws_api_gateway_usage_plan (api_stages) with throttle and quota settings.
#   fixable: false
package palisade.aws.apigateway.stage_without_usage_plan

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

# Advisory: stage-level throttling in method settings is an alternative.
warn contains result.fail(stage, [], msg) if {
	some stage in tf.resources("aws_api_gateway_stage")
	not in_plan(stage)
	msg := sprintf("%s is in no usage plan, so its callers are not throttled or metered", [stage.address])
}

# A deployment with stage_name creates (or updates) that stage itself; an empty name creates none.
warn contains result.fail(deployment, [], msg) if {
	some deployment in tf.resources("aws_api_gateway_deployment")
	name := object.get(deployment.config, "stage_name", null)
	not name in {null, ""}
	not in_plan(deployment)
	msg := sprintf("%s creates a stage that is in no usage plan, so its callers are not throttled or metered", [deployment.address])
}

in_plan(stage) if {
	some plan in tf.resources("aws_api_gateway_usage_plan")
	some ref in plan.references
	ref.path[0] == "api_stages"
	tf.refers_to(ref.target, stage.address)
}

in_plan(stage) if {
	some plan in tf.resources("aws_api_gateway_usage_plan")
	some s in tf.blocks(plan, "api_stages")
	s.api_id == unknown.known_string(stage.config.rest_api_id)
	s.stage == unknown.known_string(stage.config.stage_name)
}

# A plan entry Palisade cannot resolve may name this stage, unless its API is another one: the
# entry's api_id references another aws_api_gateway_rest_api than the stage's, or one side is a
# literal while the other is an API created here (its id cannot be written down in advance).
in_plan(stage) if {
	some plan in tf.resources("aws_api_gateway_usage_plan")
	some i, s in tf.blocks(plan, "api_stages")
	some key in ["api_id", "stage"]
	unknown.is_unknown(object.get(s, key, null))
	not other_api(plan, i, s, stage)
	not other_stage(s, stage)
}

# api_stages written as an unknown (a dynamic block over a variable) may name any stage.
in_plan(_) if {
	some plan in tf.resources("aws_api_gateway_usage_plan")
	unknown.is_unknown(object.get(plan.config, "api_stages", null))
}

# A stage of an API Palisade cannot identify (a variable, a module output) may be in any plan;
# one of an aws_api_gateway_rest_api of this configuration is matched by reference above.
in_plan(stage) if {
	unknown.is_unknown(stage.config.rest_api_id)
	not managed_api(stage)
}

in_plan(stage) if unknown.is_unknown(stage.config.stage_name)

# managed_api(r): the aws_api_gateway_rest_api (not a data source) that r's rest_api_id references.
managed_api(r) := ref.target if {
	some ref in r.references
	ref.path == ["rest_api_id"]
	tf.names_type(ref.target, "aws_api_gateway_rest_api")
	not startswith(ref.target, "data.")
}

# The entry names another stage: both names are known and differ (an API's stage names are
# unique, so an unknown api_id does not make "dev" cover "qa").
other_stage(entry, stage) if {
	name := unknown.known_string(entry.stage)
	name != unknown.known_string(stage.config.stage_name)
}

other_api(plan, i, _, stage) if {
	some ref in plan.references
	ref.path == ["api_stages", i, "api_id"]
	tf.names_type(ref.target, "aws_api_gateway_rest_api")
	api := managed_api(stage)
	not tf.refers_to(ref.target, api)
	not tf.refers_to(api, ref.target)
}

other_api(_, _, entry, stage) if {
	is_string(entry.api_id)
	managed_api(stage)
}

other_api(plan, i, _, stage) if {
	some ref in plan.references
	ref.path == ["api_stages", i, "api_id"]
	tf.names_type(ref.target, "aws_api_gateway_rest_api")
	not startswith(ref.target, "data.")
	is_string(stage.config.rest_api_id)
}
