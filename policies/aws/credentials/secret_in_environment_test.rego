package palisade.aws.credentials.secret_in_environment_test

import data.palisade.aws.credentials.secret_in_environment as rule

fn(variables) := {
	"address": "aws_lambda_function.f", "type": "aws_lambda_function", "name": "f", "references": [],
	"config": {"function_name": "f", "environment": [{"variables": variables}]},
}

test_lambda_password_literal_fires if {
	rule.deny == {{
		"msg": "aws_lambda_function.f passes DB_PASSWORD in a plain environment variable",
		"resource": "aws_lambda_function.f", "path": ["environment", 0, "variables", "DB_PASSWORD"],
	}} with input as {"resources": [fn({"DB_PASSWORD": "hunter2-prod", "STAGE": "prod"})]}
}

test_secret_names if {
	rule.secret_name("DB_PASSWORD")
	rule.secret_name("STRIPE_API_KEY")
	rule.secret_name("AWS_SECRET_ACCESS_KEY")
	rule.secret_name("github-token")
	rule.secret_name("ECS_ENGINE_AUTH_DATA")
	rule.secret_name("private_key")
	rule.secret_name("DB_PASS")
	rule.secret_name("MB_DB_PASS")
	not rule.secret_name("BYPASS_CACHE")
	not rule.secret_name("DB_PASS_ARN")
	not rule.secret_name("DB_PASSWORD_SECRET_ARN")
	not rule.secret_name("TOKEN_TTL")
	not rule.secret_name("API_KEY_PARAMETER")
	not rule.secret_name("SECRETS_EXTENSION_HTTP_PORT")
	not rule.secret_name("STAGE")
	not rule.secret_name("KEY")
}

test_generated_secret_material_fires if {
	count(rule.deny) == 1 with input as {"resources": [fn({"DB_PASSWORD": {"$unknown": "random_password.db.result"}})]}
	count(rule.deny) == 1 with input as {"resources": [fn({"API_TOKEN": {"$unknown": "data.aws_secretsmanager_secret_version.api.secret_string"}})]}
	count(rule.deny) == 1 with input as {"resources": [fn({"API_TOKEN": {"$unknown": "aws_ssm_parameter.api.value"}})]}
}

test_references_and_unknown_inputs_pass if {
	count(rule.deny) == 0 with input as {"resources": [fn({"DB_PASSWORD": {"$unknown": "var.db_settings"}})]}
	count(rule.deny) == 0 with input as {"resources": [fn({"DB_PASSWORD": {"$unknown": "module.db.master_password"}})]}
	count(rule.deny) == 0 with input as {"resources": [fn({"DB_SECRET": "arn:aws:secretsmanager:eu-west-1:111122223333:secret:db"})]}
	count(rule.deny) == 0 with input as {"resources": [fn({"DB_PASSWORD": "/prod/db/password"})]}
	count(rule.deny) == 0 with input as {"resources": [fn({"DB_PASSWORD_SECRET_ARN": "literal"})]}
	count(rule.deny) == 0 with input as {"resources": [fn({"DB_PASSWORD": ""})]}
}

task(definitions) := {
	"address": "aws_ecs_task_definition.t", "type": "aws_ecs_task_definition", "name": "t", "references": [],
	"config": {"family": "t", "container_definitions": definitions},
}

test_ecs_environment_fires_on_the_value if {
	defs := json.marshal([{"name": "app", "environment": [{"name": "STAGE", "value": "dev"}, {"name": "DATABASE_PASSWORD", "value": "oh-no"}]}])
	rule.deny == {{
		"msg": "aws_ecs_task_definition.t passes DATABASE_PASSWORD to container app in a plain environment variable",
		"resource": "aws_ecs_task_definition.t", "path": ["container_definitions", 0, "environment", 1, "value"],
	}} with input as {"resources": [task(defs)]}
}

test_ecs_secrets_and_decoded_definitions if {
	ok := json.marshal([{"name": "app", "secrets": [{"name": "DATABASE_PASSWORD", "valueFrom": "arn:aws:ssm:eu-west-1:111122223333:parameter/db"}]}])
	count(rule.deny) == 0 with input as {"resources": [task(ok)]}
	decoded := [{"name": "app", "image": {"$unknown": "var.image"}, "environment": [{"name": "AWS_SECRET_ACCESS_KEY", "value": "wJalrXUtnFEMI/K7MDENG"}]}]
	count(rule.deny) == 1 with input as {"resources": [task(decoded)]}
}

project(variables) := {
	"address": "aws_codebuild_project.p", "type": "aws_codebuild_project", "name": "p", "references": [],
	"config": {"name": "p", "environment": [{"compute_type": "BUILD_GENERAL1_SMALL", "environment_variable": variables}]},
}

test_codebuild_plaintext_fires_and_secret_types_pass if {
	rule.deny == {{
		"msg": "aws_codebuild_project.p passes NPM_TOKEN as a PLAINTEXT build variable",
		"resource": "aws_codebuild_project.p", "path": ["environment", 0, "environment_variable", 0, "value"],
	}} with input as {"resources": [project([{"name": "NPM_TOKEN", "value": "npm_abcdef123456"}])]}
	count(rule.deny) == 0 with input as {"resources": [project([{"name": "NPM_TOKEN", "value": "ci/npm-token", "type": "SECRETS_MANAGER"}])]}
	count(rule.deny) == 0 with input as {"resources": [project([{"name": "NPM_TOKEN", "value": "/ci/npm-token", "type": "PARAMETER_STORE"}])]}
}

test_access_key_id_value_fires_whatever_the_name if {
	{f.path | some f in rule.deny} == {["environment", 0, "variables", "foo"]} with input as {"resources": [fn({"foo": "AKIAIOSFODNN7EXAMPLE", "region": "eu-west-1"})]}
	count(rule.deny) == 0 with input as {"resources": [fn({"foo": "AKIAIOSFODNN7EXAMPL", "bar": "akiaiosfodnn7example"})]}
}

# CloudGoat ec2_ssrf / codebuild_secrets: a created access key's secret, under any name; its id
# (not a secret) is not reported.
test_access_key_secret_reference_fires_whatever_the_name if {
	env := {
		"EC2_ACCESS_KEY_ID": {"$unknown": "\"${aws_iam_access_key.wrex.id}\""},
		"EC2_SECRET_KEY_ID": {"$unknown": "\"${aws_iam_access_key.wrex.secret}\""},
	}
	{f.path | some f in rule.deny} == {["environment", 0, "variables", "EC2_SECRET_KEY_ID"]} with input as {"resources": [fn(env)]}
	count(rule.deny) == 1 with input as {"resources": [project([{"name": "deploy-key", "value": {"$unknown": "aws_iam_access_key.ci[0].secret"}}])]}
	count(rule.deny) == 1 with input as {"resources": [fn({"SMTP": {"$unknown": "aws_iam_access_key.mail.ses_smtp_password_v4"}})]}
	count(rule.deny) == 0 with input as {"resources": [fn({"A": {"$unknown": "aws_iam_access_key.wrex.secret_version"}, "B": {"$unknown": "my_aws_iam_access_key.x.secret"}})]}
}

environment(settings) := {
	"address": "aws_elastic_beanstalk_environment.e", "type": "aws_elastic_beanstalk_environment", "name": "e", "references": [],
	"config": {"name": "e", "setting": settings},
}

test_beanstalk_environment_property_fires if {
	settings := [
		{"namespace": "aws:elasticbeanstalk:application:environment", "name": "SECONDARY_ACCESS_KEY", "value": {"$unknown": "aws_iam_access_key.k.id"}},
		{"namespace": "aws:elasticbeanstalk:application:environment", "name": "SECONDARY_SECRET_KEY", "value": {"$unknown": "aws_iam_access_key.k.secret"}},
		{"namespace": "aws:elasticbeanstalk:application:environment", "name": "DB_PASSWORD", "value": "hunter2-prod"},
	]
	{f.path | some f in rule.deny} == {["setting", 1, "value"], ["setting", 2, "value"]} with input as {"resources": [environment(settings)]}
}

# CloudGoat beanstalk_secrets' form: `dynamic "setting"` over a map holding the key's secret. The
# value reaches the model as `setting.value`; the for_each map's reference at that name names it.
test_beanstalk_dynamic_setting_over_a_map_fires if {
	env_ns := "aws:elasticbeanstalk:application:environment"
	settings := [
		{"namespace": env_ns, "name": "AWS_ACCESS_KEY_ID", "value": {"$unknown": "setting.value"}},
		{"namespace": env_ns, "name": "AWS_SECRET_ACCESS_KEY", "value": {"$unknown": "setting.value"}},
		{"namespace": env_ns, "name": "STAGE", "value": "prod"},
	]
	refs := [
		{"path": ["setting", "AWS_ACCESS_KEY_ID"], "target": "aws_iam_access_key.app", "attribute": "id"},
		{"path": ["setting", "AWS_SECRET_ACCESS_KEY"], "target": "aws_iam_access_key.app", "attribute": "secret"},
	]
	{f.path | some f in rule.deny} == {["setting", 1, "value"]} with input as {"resources": [object.union(environment(settings), {"references": refs})]}

	# The same map entry holding the key id, or another resource's secret-named attribute: no finding.
	other := [{"path": ["setting", "AWS_SECRET_ACCESS_KEY"], "target": "my_aws_iam_access_key.app", "attribute": "secret"}]
	count(rule.deny) == 0 with input as {"resources": [object.union(environment(settings), {"references": other})]}
}

test_beanstalk_other_namespaces_and_references_pass if {
	settings := [
		{"namespace": "aws:autoscaling:launchconfiguration", "name": "IamInstanceProfile", "value": "app-profile"},
		{"namespace": "aws:elasticbeanstalk:application:environmentsecrets", "name": "DB_PASSWORD", "value": "arn:aws:secretsmanager:eu-west-1:111122223333:secret:db"},
		{"namespace": "aws:elasticbeanstalk:application:environment", "name": "DB_PASSWORD", "value": {"$unknown": "var.app_setting"}},
		{"namespace": "aws:elasticbeanstalk:application:environment", "name": "DB_PASSWORD_SECRET_ARN", "value": "arn:aws:secretsmanager:eu-west-1:111122223333:secret:db"},
	]
	count(rule.deny) == 0 with input as {"resources": [environment(settings)]}
}

job(config) := {
	"address": "aws_batch_job_definition.j", "type": "aws_batch_job_definition", "name": "j", "references": [],
	"config": object.union({"name": "j", "type": "container"}, config),
}

test_batch_container_properties_fire_on_the_value if {
	props := json.marshal({"image": "busybox", "environment": [{"name": "STAGE", "value": "dev"}, {"name": "KEY", "value": "AKIAIOSFODNN7EXAMPLE"}]})
	rule.deny == {{
		"msg": "aws_batch_job_definition.j passes KEY to its job's container in a plain environment variable",
		"resource": "aws_batch_job_definition.j", "path": ["container_properties", "environment", 1, "value"],
	}} with input as {"resources": [job({"container_properties": props})]}
}

test_batch_node_ecs_and_eks_containers_fire if {
	node := {"numNodes": 2, "nodeRangeProperties": [{"targetNodes": "0:", "container": {"environment": [{"name": "DB_PASSWORD", "value": "hunter2"}]}}]}
	{r.path | some r in rule.deny} == {["node_properties", "nodeRangeProperties", 0, "container", "environment", 0, "value"]} with input as {"resources": [job({"node_properties": json.marshal(node)})]}
	ecs := {"taskProperties": [{"containers": [{"name": "a"}, {"name": "b", "environment": [{"name": "API_TOKEN", "value": "t0k3n"}]}]}]}
	{r.path | some r in rule.deny} == {["ecs_properties", "taskProperties", 0, "containers", 1, "environment", 0, "value"]} with input as {"resources": [job({"ecs_properties": ecs})]}
	eks := [{"pod_properties": [{"containers": [{"name": "c", "env": [{"name": "CLIENT_SECRET", "value": "s3cr3t"}]}]}]}]
	{r.path | some r in rule.deny} == {["eks_properties", 0, "pod_properties", 0, "containers", 0, "env", 0, "value"]} with input as {"resources": [job({"eks_properties": eks})]}
}

test_batch_secrets_and_plain_variables_pass if {
	props := json.marshal({"environment": [{"name": "STAGE", "value": "prod"}], "secrets": [{"name": "DB_PASSWORD", "valueFrom": "arn:aws:ssm:eu-west-1:111122223333:parameter/db"}]})
	count(rule.deny) == 0 with input as {"resources": [job({"container_properties": props})]}
	count(rule.deny) == 0 with input as {"resources": [job({"container_properties": "not json"})]}
	count(rule.deny) == 0 with input as {"resources": [job({"container_properties": {"$unknown": "var.props"}})]}
}

# Round 32 (Prowler's amplify_app_no_secrets_in_environment and
# apigateway_restapi_no_secrets_in_stage_variables): Amplify environment variables and API Gateway
# stage variables are returned in clear text by GetApp/GetBranch and GetStage; AWS says stage
# variables are not meant for credentials and points Amplify secrets to Parameter Store.
test_amplify_app_and_branch_secrets_fire if {
	rule.deny == {
		{
			"msg": "aws_amplify_app.a passes GITHUB_TOKEN in a plain environment variable",
			"resource": "aws_amplify_app.a", "path": ["environment_variables", "GITHUB_TOKEN"],
		},
		{
			"msg": "aws_amplify_branch.b passes STRIPE_SECRET_KEY in a plain environment variable",
			"resource": "aws_amplify_branch.b", "path": ["environment_variables", "STRIPE_SECRET_KEY"],
		},
	} with input as {"resources": [
		{"address": "aws_amplify_app.a", "type": "aws_amplify_app", "name": "a", "references": [], "config": {"name": "a", "environment_variables": {"GITHUB_TOKEN": "ghp_exampleexampleexample", "NODE_ENV": "production"}}},
		{"address": "aws_amplify_branch.b", "type": "aws_amplify_branch", "name": "b", "references": [], "config": {"app_id": "x", "branch_name": "main", "environment_variables": {"STRIPE_SECRET_KEY": "sk_live_example"}}},
	]}
}

test_api_gateway_stage_variable_secret_fires if {
	rule.deny == {{
		"msg": "aws_api_gateway_stage.s passes backend_password in a plain stage variable",
		"resource": "aws_api_gateway_stage.s", "path": ["variables", "backend_password"],
	}} with input as {"resources": [{"address": "aws_api_gateway_stage.s", "type": "aws_api_gateway_stage", "name": "s", "references": [], "config": {"stage_name": "prod", "variables": {"backend_password": "hunter2-prod", "lambdaAlias": "live"}}}]}
}

test_amplify_and_stage_references_pass if {
	count(rule.deny) == 0 with input as {"resources": [
		{"address": "aws_amplify_app.a", "type": "aws_amplify_app", "name": "a", "references": [], "config": {"name": "a", "environment_variables": {"API_TOKEN_PARAMETER": "/amplify/token", "NODE_ENV": "production"}}},
		{"address": "aws_api_gateway_stage.s", "type": "aws_api_gateway_stage", "name": "s", "references": [], "config": {"stage_name": "prod", "variables": {"secretArn": "arn:aws:secretsmanager:us-east-1:111122223333:secret:x", "api_token": {"$unknown": "var.stage_value"}}}},
	]}
}

test_http_api_stage_variable_secret_fires if {
	rule.deny == {{
		"msg": "aws_apigatewayv2_stage.s passes API_KEY in a plain stage variable",
		"resource": "aws_apigatewayv2_stage.s", "path": ["stage_variables", "API_KEY"],
	}} with input as {"resources": [{"address": "aws_apigatewayv2_stage.s", "type": "aws_apigatewayv2_stage", "name": "s", "references": [], "config": {"name": "prod", "api_id": "x", "stage_variables": {"API_KEY": "abcd1234efgh5678"}}}]}
}

# Review R2 (session 21): an Amplify app's auto_branch_creation_config carries environment
# variables too, copied to every branch Amplify creates from a pattern.
test_amplify_auto_branch_environment_secret_fires if {
	rule.deny == {{
		"msg": "aws_amplify_app.a passes API_SECRET in a plain environment variable",
		"resource": "aws_amplify_app.a", "path": ["auto_branch_creation_config", 0, "environment_variables", "API_SECRET"],
	}} with input as {"resources": [{"address": "aws_amplify_app.a", "type": "aws_amplify_app", "name": "a", "references": [], "config": {"name": "a", "auto_branch_creation_config": [{"environment_variables": {"API_SECRET": "s3cr3t-value-123", "STAGE": "dev"}}]}}]}
}

# Review R2 (session 21): aws_api_gateway_deployment's `variables` sets the stage variables of
# the stage its stage_name creates (provider v5 and earlier), the same clear-text map.
test_api_gateway_deployment_variable_secret_fires if {
	rule.deny == {{
		"msg": "aws_api_gateway_deployment.d passes db_password in a plain stage variable",
		"resource": "aws_api_gateway_deployment.d", "path": ["variables", "db_password"],
	}} with input as {"resources": [{"address": "aws_api_gateway_deployment.d", "type": "aws_api_gateway_deployment", "name": "d", "references": [], "config": {"rest_api_id": "x", "stage_name": "prod", "variables": {"db_password": "hunter2-prod", "deployed_at": "2024"}}}]}
}

# Session 24 (H7): a value unknown to the scan whose source is a secret by declaration.

test_secret_named_variable_fires_and_names_it if {
	rule.deny == {{
		"msg": "aws_lambda_function.f passes DB_PASSWORD in a plain environment variable (its value comes from variable var.db_password)",
		"resource": "aws_lambda_function.f", "path": ["environment", 0, "variables", "DB_PASSWORD"],
	}} with input as {"resources": [fn({"DB_PASSWORD": {"$unknown": "var.db_password"}, "STAGE": {"$unknown": "var.stage"}})]}
	count(rule.deny) == 1 with input as {"resources": [fn({"DATABASE_URL": {"$unknown": "\"postgres://app:${var.db_password}@db:5432/app\""}})]}
	count(rule.deny) == 1 with input as {"resources": [fn({"STRIPE": {"$unknown": "var.stripe_api_key"}})]}
}

test_variable_named_only_in_part_needs_a_secret_name if {
	# The secret's word is not the variable's last (var.token_auth_mode), or an attribute is read.
	count(rule.deny) == 0 with input as {"resources": [fn({"AUTH_MODE": {"$unknown": "var.token_auth_mode"}})]}
	count(rule.deny) == 0 with input as {"resources": [fn({"DB_USER": {"$unknown": "var.db_password_settings.user"}})]}
	count(rule.deny) == 0 with input as {"resources": [fn({"DB_PASSWORD_ARN": {"$unknown": "var.db_password"}})]}
}

# A variable whose secret word is not its last holds something about the secret (a flag, a
# duration, a label), even under a secret-looking environment name (session 24, R1).
test_variable_about_a_secret_passes_under_any_name if {
	count(rule.deny) == 0 with input as {"resources": [fn({"API_TOKEN": {"$unknown": "var.token_auth_mode"}})]}
	count(rule.deny) == 0 with input as {"resources": [fn({"ENABLE_PASSWORD_AUTH": {"$unknown": "var.enable_password_auth"}})]}
	count(rule.deny) == 0 with input as {"resources": [fn({"TOKEN_EXPIRY_SECONDS": {"$unknown": "var.token_expiry_seconds"}})]}
	count(rule.deny) == 0 with input as {"resources": [fn({"SECRET_VERSION_STAGE": {"$unknown": "var.secret_version_stage"}})]}
	count(rule.deny) == 0 with input as {"resources": [fn({"PASSWORD_MIN_LEN": {"$unknown": "var.password_min_len"}})]}
	count(rule.deny) == 1 with input as {"resources": [fn({"SECRET_KEY_BASE": {"$unknown": "var.secret_key_base"}})]}
	count(rule.deny) == 0 with input as {"resources": [fn({"RAILS_ENV": {"$unknown": "var.secret_key_base"}})]}
}

# Its length, a digest or a comparison reads the secret without passing it on; a second, plain
# read in the same text still does.
test_measured_secret_passes if {
	count(rule.deny) == 0 with input as {"resources": [fn({"DB_PASSWORD_LEN": {"$unknown": "length(var.db_password)"}})]}
	count(rule.deny) == 0 with input as {"resources": [fn({"TOKEN_HASH": {"$unknown": "sha256(var.api_token)"}})]}
	count(rule.deny) == 0 with input as {"resources": [fn({"HAS_DB_PASSWORD": {"$unknown": "var.db_password != null"}})]}
	count(rule.deny) == 0 with input as {"resources": [fn({"AUTH_MODE": {"$unknown": "var.db_password == \"\" ? \"iam\" : \"password\""}})]}
	count(rule.deny) == 0 with input as {"sensitive_variables": ["var.dsn"], "resources": [fn({"DSN_LENGTH": {"$unknown": "length(var.dsn)"}})]}
	count(rule.deny) == 0 with input as {"resources": [fn({"PW_LEN": {"$unknown": "length(random_password.db.result)"}})]}
	count(rule.deny) == 1 with input as {"resources": [fn({"DB_PASSWORD": {"$unknown": "var.db_password == null ? \"\" : var.db_password"}})]}
	count(rule.deny) == 1 with input as {"resources": [fn({"DB_PASSWORD": {"$unknown": "nonsensitive(var.db_password)"}})]}
}

test_sensitive_variable_fires_whatever_the_name if {
	rule.deny == {{
		"msg": "aws_lambda_function.f passes DATABASE_URL in a plain environment variable (its value comes from sensitive variable var.dsn)",
		"resource": "aws_lambda_function.f", "path": ["environment", 0, "variables", "DATABASE_URL"],
	}} with input as {"sensitive_variables": ["var.dsn"], "resources": [fn({"DATABASE_URL": {"$unknown": "var.dsn"}})]}

	# Attributes of a sensitive object under plain names, and a variable that says nothing.
	no_findings := {"sensitive_variables": ["var.db"], "resources": [fn({
		"DB_HOST": {"$unknown": "var.db.host"},
		"DB_PORT": {"$unknown": "var.db.port"},
		"STAGE": {"$unknown": "var.stage"},
	})]}
	count(rule.deny) == 0 with input as no_findings
	count(rule.deny) == 1 with input as {"sensitive_variables": ["var.db"], "resources": [fn({"DB_PASSWORD": {"$unknown": "var.db.password"}})]}
}

module_task(value) := {
	"address": "module.app.aws_ecs_task_definition.t", "type": "aws_ecs_task_definition", "name": "t",
	"module": "module.app", "references": [],
	"config": {"family": "t", "container_definitions": [{"name": "app", "environment": [{"name": "SECRET_KEY_BASE", "value": value}]}]},
}

app_call(argument) := {"address": "module.app", "name": "app", "source": "./app", "config": {"rails_key": argument}}

test_module_input_follows_the_callers_argument if {
	with_generated := {"resources": [module_task({"$unknown": "var.rails_key"})], "modules": [app_call({"$unknown": "random_password.rails.result"})]}
	rule.deny == {{
		"msg": "module.app.aws_ecs_task_definition.t passes SECRET_KEY_BASE to container app in a plain environment variable (its value comes from random_password.rails)",
		"resource": "module.app.aws_ecs_task_definition.t", "path": ["container_definitions", 0, "environment", 0, "value"],
	}} with input as with_generated

	with_sensitive := {"sensitive_variables": ["var.key"], "resources": [module_task({"$unknown": "var.rails_key"})], "modules": [app_call({"$unknown": "var.key"})]}
	count(rule.deny) == 1 with input as with_sensitive

	# The module's own declaration counts, at the module's address.
	declared := {"sensitive_variables": ["module.app.var.rails_key"], "resources": [module_task({"$unknown": "var.rails_key"})], "modules": [app_call({"$unknown": "var.anything"})]}
	count(rule.deny) == 1 with input as declared
	root_only := {"sensitive_variables": ["var.rails_key"], "resources": [module_task({"$unknown": "var.rails_key"})], "modules": [app_call({"$unknown": "var.anything"})]}
	count(rule.deny) == 0 with input as root_only
}

test_root_local_is_followed if {
	count(rule.deny) == 1 with input as {"locals": {"pw": {"$unknown": "var.db_password"}}, "resources": [fn({"DB_PASS": {"$unknown": "local.pw"}})]}
	count(rule.deny) == 0 with input as {"locals": {"pw": {"$unknown": "module.db.out"}}, "resources": [fn({"DB_PASS": {"$unknown": "local.pw"}})]}
}

test_secret_strings_and_parameters if {
	whole := {"resources": [fn({"APP_CONFIG": {"$unknown": "aws_secretsmanager_secret_version.app.secret_string"}})]}
	count(rule.deny) == 1 with input as whole

	# A key picked out of a JSON secret is a secret only under a secret's name.
	user := "jsondecode(data.aws_secretsmanager_secret_version.db.secret_string)[\"username\"]"
	count(rule.deny) == 0 with input as {"resources": [fn({"DB_USER": {"$unknown": user}})]}
	pw := "jsondecode(data.aws_secretsmanager_secret_version.db.secret_string)[\"password\"]"
	count(rule.deny) == 1 with input as {"resources": [fn({"DB_PASSWORD": {"$unknown": pw}})]}

	secure := {"address": "aws_ssm_parameter.key", "type": "aws_ssm_parameter", "name": "key", "references": [], "config": {"name": "/app/key", "type": "SecureString", "value": {"$unknown": "var.x"}}}
	plain := {"address": "aws_ssm_parameter.key", "type": "aws_ssm_parameter", "name": "key", "references": [], "config": {"name": "/app/key", "type": "String", "value": {"$unknown": "var.x"}}}
	count(rule.deny) == 1 with input as {"resources": [secure, fn({"LICENSE": {"$unknown": "aws_ssm_parameter.key.value"}})]}
	count(rule.deny) == 0 with input as {"resources": [plain, fn({"LICENSE": {"$unknown": "aws_ssm_parameter.key.value"}})]}
	count(rule.deny) == 0 with input as {"resources": [fn({"LICENSE": {"$unknown": "data.aws_ssm_parameter.key.value"}})]}
	count(rule.deny) == 1 with input as {"resources": [fn({"LICENSE_KEY_TOKEN": {"$unknown": "data.aws_ssm_parameter.key.value"}})]}
}
