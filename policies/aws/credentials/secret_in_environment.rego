# METADATA
# title: A secret is passed in a plain environment variable
# description: |
#   A Lambda function's environment variables, an ECS or Batch container's `environment`, a
#   CodeBuild PLAINTEXT variable, an Elastic Beanstalk environment property, an Amplify app's,
#   branch's or auto-branch configuration's environment variable and an API Gateway stage variable are part of the resource's
#   configuration: anyone allowed to describe the function, task or job definition, project,
#   environment, app or stage (lambda:GetFunctionConfiguration, ecs:DescribeTaskDefinition,
#   batch:DescribeJobDefinitions, codebuild:BatchGetProjects,
#   elasticbeanstalk:DescribeConfigurationSettings, amplify:GetApp, apigateway:GET, or the
#   console) reads them in clear text, and
#   they are copied into every task or job definition revision. A variable
#   whose name says it holds a password, token, API key, private key or AWS secret key is reported
#   when its value is written in the configuration or comes from a secret source: secret material
#   Terraform generates or reads (random_password, a Secrets Manager secret_string, an SSM
#   parameter's value) or an input variable named as a secret (var.db_password) or declared
#   `sensitive = true`, also through a module's input or a root local. Names of references to a
#   secret (…_ARN, …_NAME, …_ID, …_PATH, …) are not secrets, nor is a variable named as a flag or
#   setting about one (var.enable_password_auth, var.token_expiry_seconds), nor a secret's length,
#   digest or comparison (length(var.db_password), sha256(…), var.db_password != null). Whatever the variable is called, the
#   rule reports an AWS access key id (AKIA…, ASIA…), the secret of an aws_iam_access_key, a
#   sensitive variable, a random_password, a whole secret string, a SecureString parameter, and a
#   secret-named variable written into a longer text (a connection URL). The message names the
#   source. A value known only at apply whose source says nothing (var.settings, a module output)
#   is not reported. No fix: moving a variable to ECS `secrets` needs the task execution role's
#   permission to read the secret, which the configuration seldom shows.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/secrets-envvar.html
#   - ref: https://docs.aws.amazon.com/lambda/latest/dg/with-secrets-manager.html
#   - ref: https://docs.aws.amazon.com/batch/latest/userguide/specifying-sensitive-data.html
#   - ref: https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html#build-spec.env.secrets-manager
#   - ref: https://docs.aws.amazon.com/elasticbeanstalk/latest/dg/AWSHowTo.secrets.html
#   - ref: https://docs.aws.amazon.com/amplify/latest/userguide/environment-secrets.html
#   - ref: https://docs.aws.amazon.com/apigateway/latest/developerguide/stage-variables.html
# custom:
#   id: PAL-AWS-CREDENTIALS-002
#   severity: high
#   formats: [terraform]
#   resource_types:
#     - aws_lambda_function
#     - aws_ecs_task_definition
#     - aws_batch_job_definition
#     - aws_codebuild_project
#     - aws_elastic_beanstalk_environment
#     - aws_elastic_beanstalk_configuration_template
#     - aws_amplify_app
#     - aws_amplify_branch
#     - aws_api_gateway_stage
#     - aws_api_gateway_deployment
#     - aws_apigatewayv2_stage
#     - aws_ssm_parameter
#   frameworks:
#     pci-dss-4.0: ["8.3.2"]
#     nist-800-53: [IA-5(7)]
#     soc2: [CC6.1]
#   references:
#     checkov: CKV_AWS_45
#     trivy: AVD-AWS-0036
#     kics: 1402afd8-a95c-4e84-8b0b-6fb43758e6ce
#   cwe: ["CWE-798", "CWE-312"]
#   remediation: |
#     ECS and Batch: move the variable to the container's `secrets` (valueFrom a Secrets Manager
#     secret or SSM parameter). CodeBuild: type = "SECRETS_MANAGER" or "PARAMETER_STORE" with the secret's name.
#     Lambda: read the secret at run time from Secrets Manager or Parameter Store (the AWS Parameters
#     and Secrets Lambda Extension caches it) and pass only its name. Elastic Beanstalk: an
#     aws:elasticbeanstalk:application:environmentsecrets setting naming the secret's ARN. Amplify:
#     an Amplify secret in Parameter Store. API Gateway: keep the credential in Secrets Manager and
#     let the integration (a Lambda function or a role) fetch it.
#   fixable: false
#   allow_unknown: true
package palisade.aws.credentials.secret_in_environment

# allow_unknown: a value Terraform generates (random_password, a secret_string, an SSM parameter's
# value, an access key's secret) is unknown before apply, and that unknown is the finding's place.

import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

# Words that make a variable name a secret's, as a whole word of the name (split on _ - .). PASS is
# the common short form (DB_PASS, SMTP_PASS: Mastodon and Metabase, held-out s23/H8).
secret_words := {"PASSWORD", "PASSWD", "PASS", "PASSPHRASE", "SECRET", "TOKEN", "APIKEY", "PRIVATEKEY", "CREDENTIALS"}

# Two-word secrets (API_KEY, PRIVATE_KEY, SECRET_KEY, ACCESS_KEY for AWS_SECRET_ACCESS_KEY style names).
secret_pairs := {["API", "KEY"], ["PRIVATE", "KEY"], ["SECRET", "KEY"], ["AUTH", "DATA"], ["CLIENT", "SECRET"]}

# A last word that makes the name a reference to a secret, or a setting about one.
reference_words := {
	"ARN", "NAME", "ID", "PATH", "FILE", "URL", "URI", "ENDPOINT", "PARAM", "PARAMETER", "SSM", "KEYID",
	"REGION", "TTL", "TIMEOUT", "EXPIRY", "EXPIRATION", "LENGTH", "HEADER", "ENABLED", "TYPE", "VERSION",
	"ROTATION", "POLICY", "LOCATION", "BUCKET", "PREFIX", "FIELD", "KEYNAME",
}

words(name) := [w | some w in regex.split(`[^A-Z0-9]+`, upper(name)); w != ""]

secret_name(name) if {
	ws := words(name)
	count(ws) > 0
	not reference_words[ws[count(ws) - 1]]
	some w in ws
	secret_words[w]
}

secret_name(name) if {
	ws := words(name)
	count(ws) > 1
	not reference_words[ws[count(ws) - 1]]
	some i in numbers.range(0, count(ws) - 2)
	secret_pairs[[ws[i], ws[i + 1]]]
}

# A value written in the configuration: a plain string that is not a reference to a secret store.
written(value) if {
	s := trim_space(unknown.known_string(value))
	s != ""
	not regex.match(`^(arn:|\{\{resolve:|/)`, s)
	not s in {"true", "false"}
}

# reported(name, value): a secret's name with a value written in the configuration, or, whatever
# the name, an AWS access key id (AKIA… long-term, ASIA… temporary) written as the value: AWS keys
# are configured here, and the secret key travels with its id.
reported(name, value) if {
	secret_name(name)
	written(value)
}

reported(_, value) if regex.match(`^(AKIA|ASIA)[A-Z0-9]{16}$`, trim_space(unknown.known_string(value)))

# note(r, name, value): how the finding's message ends when variable `name` of resource r is
# reported with `value` (undefined when it is not): nothing for a written value, else the secret
# sources the unknown value reads (docs/accuracy.md, session 24 H7).
note(r, name, value) := "" if reported(name, value)

else := sprintf(" (its value comes from %s)", [concat(", ", sort(labels))]) if {
	labels := {label |
		some [level, label] in sources(r, value)
		level_reported(level, name)
	}
	count(labels) > 0
}

# A "named" source is a secret only under a secret's name (a key picked out of a Secrets Manager
# JSON secret may be the user name; an SSM parameter read by a data source may be a String). A
# "strong" one (a variable named as a secret) is one whatever the variable is called, unless the
# name says it holds a reference (DB_PASSWORD_ARN: the input may hold the ARN despite its name).
# "any": secret material by declaration (a sensitive variable, a random_password, a whole secret
# string, a SecureString parameter, an access key's secret, or a secret written into a longer
# text such as a connection URL) is reported under any name.
level_reported("named", name) if secret_name(name)

level_reported("strong", name) if secret_name(name)

level_reported("strong", name) if not reference_name(name)

level_reported("any", _)

reference_name(name) if {
	ws := words(name)
	count(ws) > 0
	reference_words[ws[count(ws) - 1]]
}

# sources(r, value): [level, label] for each declared secret source that the unknown value reads:
# its own expression text in r's module, and, when it is one of the module's variables, the text
# of the argument each call passes for it (in the caller's module); a root local is followed to
# its value's text. A value whose texts name no declared secret has no source: unknown, silent.
sources(r, value) := {s |
	some [text, scope] in source_texts(r, value)
	some s in text_sources(text, scope)
}

source_texts(r, value) := ({[text, tf.scope(r.address)] | some text in modules.unknown_exprs(value)} | {[text, scope] |
	some passed in modules.caller_values(r, value)
	some text in modules.unknown_exprs(passed.value)
	scope := caller_scope(passed.caller)
}) | {[text, ""] |
	tf.scope(r.address) == ""
	some expr in modules.unknown_exprs(value)
	[[_, local]] := regex.find_all_string_submatch_n(`^local\.([A-Za-z_][A-Za-z0-9_-]*)$`, expr, 1)
	some text in modules.unknown_exprs(object.get(object.get(input, "locals", {}), local, null))
}

caller_scope("") := ""

caller_scope(caller) := concat("", [caller, "."]) if caller != ""

# A variable declared `sensitive = true` (input.sensitive_variables), read whole, is a secret by
# its author's declaration; an attribute of one (var.db.host) only under a secret's name. A
# variable named as a secret (var.db_password, var.api_token) is one when its name ends in the
# secret's word and it is read whole; otherwise (var.token_auth_mode) only under a secret's name.
text_sources(text, scope) := {[in_text(level, text), label] | some [level, label] in _text_sources(text, scope)}

# A strong source written into a longer text (a template: "postgres://app:${var.db_password}@…")
# puts the secret itself there, whatever the variable is called (DATABASE_URL).
in_text("strong", text) := "any" if startswith(text, `"`)

else := level if level := "strong"

in_text(level, _) := level if level != "strong"

# measured(text): text without the parts that read a secret but do not pass it on: its length, a
# digest (length(var.db_password), sha256(var.api_token): a number, a one-way hash) and a
# comparison (var.db_password != null, var.token == "" ? … : …: a bool, or the branch chosen).
# A reference that is also read elsewhere in the text still counts there.
measured(text) := regex.replace(
	regex.replace(text, `(^|[^A-Za-z0-9_.])(length|md5|sha1|sha256|sha512|base64sha256|base64sha512|bcrypt)\(\s*[A-Za-z0-9_.\["\]-]+\s*\)`, "${1}0"),
	`[A-Za-z0-9_.\["\]-]+\s*[!=]=|[!=]=\s*[A-Za-z0-9_.\["\]-]+`,
	" == ",
)

_text_sources(raw, scope) := (((({[level, label] |
	text := measured(raw)
	some m in regex.find_all_string_submatch_n(`(^|[^A-Za-z0-9_.])var\.([A-Za-z_][A-Za-z0-9_-]*)([.\[]?)`, text, -1)
	address := concat("", [scope, "var.", m[2]])
	address in object.get(input, "sensitive_variables", [])
	level := whole_level(m[3])
	label := sprintf("sensitive variable %s", [address])
} | {[level, label] |
	text := measured(raw)
	some m in regex.find_all_string_submatch_n(`(^|[^A-Za-z0-9_.])var\.([A-Za-z_][A-Za-z0-9_-]*)([.\[]?)`, text, -1)
	secret_name(m[2])
	level := named_variable_level(m[2], m[3])
	label := sprintf("variable %svar.%s", [scope, m[2]])
}) | {["any", label] |
	text := measured(raw)
	some m in regex.find_all_string_submatch_n(`(^|[^A-Za-z0-9_.])(random_password\.[A-Za-z0-9_-]+)(\[[^\]]*\])?\.result`, text, -1)
	label := concat("", [scope, m[2]])
}) | {[level, label] |
	text := measured(raw)
	some m in regex.find_all_string_submatch_n(`(^|[^A-Za-z0-9_])((data\.)?[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)(\[[^\]]*\])?\.secret_string`, text, -1)
	level := whole_secret_level(text)
	label := sprintf("the secret string of %s%s", [scope, m[2]])
}) | {[level, label] |
	text := measured(raw)
	some m in regex.find_all_string_submatch_n(`(^|[^A-Za-z0-9_])((data\.)?aws_ssm_parameter\.[A-Za-z0-9_-]+)(\[[^\]]*\])?\.value`, text, -1)
	level := parameter_level(concat("", [scope, m[2]]))
	label := sprintf("SSM parameter %s%s", [scope, m[2]])
}) | {["any", label] |
	text := measured(raw)
	some m in regex.find_all_string_submatch_n(`(^|[^A-Za-z0-9_])(aws_iam_access_key\.[A-Za-z0-9_-]+)(\[[^\]]*\])?\.(secret|ses_smtp_password_v4)([^A-Za-z0-9_]|$)`, text, -1)
	label := sprintf("the secret of %s%s", [scope, m[2]])
}

whole_level("") := "any"

whole_level(next) := "named" if next != ""

# A name whose last word is a secret's word (DB_PASSWORD, API_TOKEN, CLIENT_SECRET, API_KEY). A
# variable read whole whose secret word is not its last is a secret under a secret's name
# (var.secret_key_base, Rails), unless its name says it holds something about the secret: a flag
# (var.enable_password_auth), a duration, size or mode (var.token_expiry_seconds,
# var.password_min_len, var.token_auth_mode), a label (var.secret_version_stage). Those are no
# source, whatever the environment variable is called (session 24, R1).
named_variable_level(name, "") := "strong" if {
	ws := words(name)
	last := ws[count(ws) - 1]
	some tail in [[last], array.slice(ws, count(ws) - 2, count(ws))]
	secret_tail(tail)
} else := "named" if not about_a_secret(name)

named_variable_level(_, next) := "named" if next != ""

flag_words := {"ENABLE", "ENABLED", "DISABLE", "DISABLED", "USE", "HAS", "IS", "REQUIRE", "REQUIRED", "ALLOW", "SKIP"}

about_words := {
	"AUTH", "MODE", "METHOD", "SECONDS", "MINUTES", "HOURS", "DAYS", "LEN", "MIN", "MAX", "SIZE", "COUNT",
	"STAGE", "LABEL", "ALGORITHM", "FORMAT", "STRENGTH", "COMPLEXITY", "AGE", "INTERVAL", "LIFETIME",
}

about_a_secret(name) if flag_words[words(name)[0]]

about_a_secret(name) if {
	ws := words(name)
	about_words[ws[count(ws) - 1]]
}

secret_tail([w]) if secret_words[w]

secret_tail(pair) if secret_pairs[pair]

# A whole secret string is the secret; a key picked out of it (jsondecode(…)["username"]) may not be.
whole_secret_level(text) := "any" if regex.match(`^(data\.)?[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+(\[[^\]]*\])?\.secret_string$`, text)

else := "named"

# A managed parameter declared SecureString holds a secret; a data source's type is not in the
# configuration (nor is an unknown type).
parameter_level(address) := "any" if {
	some p in tf.resources("aws_ssm_parameter")
	p.address == address
	unknown.known_string(object.get(p.config, "type", null)) == "SecureString"
} else := "named"

# container_definitions is JSON: decoded by the front end when part of it is unknown, else still a string.
containers(r) := json.unmarshal(r.config.container_definitions) if {
	is_string(r.config.container_definitions)
	json.is_valid(r.config.container_definitions)
} else := unknown.items(r.config.container_definitions)

deny contains result.fail(r, ["environment", i, "variables", name], msg) if {
	some r in tf.resources("aws_lambda_function")
	some i, env in tf.blocks(r, "environment")
	vars := object.get(env, "variables", {})
	is_object(vars)
	some name, value in vars
	suffix := note(r, name, value)
	msg := sprintf("%s passes %s in a plain environment variable%s", [r.address, name, suffix])
}

deny contains result.fail(r, ["container_definitions", i, "environment", j, "value"], msg) if {
	some r in tf.resources("aws_ecs_task_definition")
	some i, c in containers(r)
	is_object(c)
	some j, entry in unknown.items(object.get(c, "environment", []))
	is_object(entry)
	name := unknown.known_string(object.get(entry, "name", null))
	suffix := note(r, name, object.get(entry, "value", null))
	msg := sprintf("%s passes %s to container %v in a plain environment variable%s", [r.address, name, object.get(c, "name", "(unnamed)"), suffix])
}

# A Batch job definition's containers: container_properties (one container), node_properties
# (multi-node jobs: nodeRangeProperties[].container) and ecs_properties (taskProperties[].containers[])
# are JSON, each with an `environment` list of {name, value} as in ECS.
deny contains result.fail(r, array.concat(prefix, ["environment", j, "value"]), msg) if {
	some r in tf.resources("aws_batch_job_definition")
	some [prefix, c] in batch_containers(r)
	some j, entry in unknown.items(object.get(c, "environment", []))
	is_object(entry)
	name := unknown.known_string(object.get(entry, "name", null))
	suffix := note(r, name, object.get(entry, "value", null))
	msg := sprintf("%s passes %s to its job's container in a plain environment variable%s", [r.address, name, suffix])
}

# eks_properties are blocks; a container's variables are `env` blocks of name and value.
deny contains result.fail(r, path, msg) if {
	some r in tf.resources("aws_batch_job_definition")
	some i, eks in tf.blocks(r, "eks_properties")
	some j, pod in unknown.items(object.get(eks, "pod_properties", []))
	some kind in ["containers", "init_containers"]
	some k, container in unknown.items(object.get(pod, kind, []))
	some l, env in unknown.items(object.get(container, "env", []))
	name := unknown.known_string(object.get(env, "name", null))
	suffix := note(r, name, object.get(env, "value", null))
	path := ["eks_properties", i, "pod_properties", j, kind, k, "env", l, "value"]
	msg := sprintf("%s passes %s to container %v in a plain environment variable%s", [r.address, name, object.get(container, "name", k), suffix])
}

deny contains result.fail(r, ["environment", i, "environment_variable", j, "value"], msg) if {
	some r in tf.resources("aws_codebuild_project")
	some i, env in tf.blocks(r, "environment")
	some j, variable in unknown.items(object.get(env, "environment_variable", []))
	is_object(variable)
	unknown.known_string(object.get(variable, "type", "PLAINTEXT")) == "PLAINTEXT"
	name := unknown.known_string(object.get(variable, "name", null))
	suffix := note(r, name, object.get(variable, "value", null))
	msg := sprintf("%s passes %s as a PLAINTEXT build variable%s", [r.address, name, suffix])
}

# Elastic Beanstalk environment properties are settings of one namespace (the secrets namespace,
# …:environmentsecrets, holds ARNs and is not read here).
deny contains result.fail(r, ["setting", i, "value"], msg) if {
	some type in {"aws_elastic_beanstalk_environment", "aws_elastic_beanstalk_configuration_template"}
	some r in tf.resources(type)
	some i, setting in unknown.items(object.get(r.config, "setting", []))
	is_object(setting)
	unknown.known_string(object.get(setting, "namespace", null)) == "aws:elasticbeanstalk:application:environment"
	name := unknown.known_string(object.get(setting, "name", null))
	suffix := setting_note(r, name, object.get(setting, "value", null))
	msg := sprintf("%s passes %s in a plain environment property%s", [r.address, name, suffix])
}

# Amplify apps and branches keep environment_variables, API Gateway stages variables (v2:
# stage_variables; a REST deployment's `variables` go to the stage its stage_name creates), as
# plain maps that GetApp/GetBranch and GetStage return in clear text.
deny contains result.fail(r, [attr, name], msg) if {
	some [type, attr, kind] in [
		["aws_amplify_app", "environment_variables", "environment variable"],
		["aws_amplify_branch", "environment_variables", "environment variable"],
		["aws_api_gateway_stage", "variables", "stage variable"],
		["aws_api_gateway_deployment", "variables", "stage variable"],
		["aws_apigatewayv2_stage", "stage_variables", "stage variable"],
	]
	some r in tf.resources(type)
	vars := object.get(r.config, attr, {})
	is_object(vars)
	some name, value in vars
	suffix := note(r, name, value)
	msg := sprintf("%s passes %s in a plain %s%s", [r.address, name, kind, suffix])
}

# An Amplify app's auto_branch_creation_config holds the environment variables of every branch
# Amplify creates from its patterns: the same plain map.
deny contains result.fail(r, ["auto_branch_creation_config", i, "environment_variables", name], msg) if {
	some r in tf.resources("aws_amplify_app")
	some i, config in unknown.items(object.get(r.config, "auto_branch_creation_config", null))
	vars := object.get(config, "environment_variables", {})
	is_object(vars)
	some name, value in vars
	suffix := note(r, name, value)
	msg := sprintf("%s passes %s in a plain environment variable%s", [r.address, name, suffix])
}

# A `dynamic "setting"` over a map reaches the model with the iterator's text (`setting.value`),
# not the element's; the for_each map's reference at the setting's name says what the value is.
setting_note(r, name, value) := suffix if {
	suffix := note(r, name, value)
}

else := sprintf(" (its value comes from the secret of %s)", [ref.target]) if {
	unknown.is_unknown(value)
	some ref in r.references
	ref.path == ["setting", name]
	regex.match(`(^|\.)aws_iam_access_key\.[A-Za-z0-9_-]+(\[[^\]]*\])?$`, ref.target)
	ref.attribute in {"secret", "ses_smtp_password_v4"}
}

batch_containers(r) := ({[["container_properties"], c] |
	c := json_object(object.get(r.config, "container_properties", null))
} | {[["node_properties", "nodeRangeProperties", i, "container"], c] |
	props := json_object(object.get(r.config, "node_properties", null))
	some i, node_range in unknown.items(object.get(props, "nodeRangeProperties", []))
	c := object.get(node_range, "container", null)
	is_object(c)
}) | {[["ecs_properties", "taskProperties", i, "containers", j], c] |
	props := json_object(object.get(r.config, "ecs_properties", null))
	some i, task in unknown.items(object.get(props, "taskProperties", []))
	some j, c in unknown.items(object.get(task, "containers", []))
	is_object(c)
}

# A JSON attribute: decoded by the front end (jsonencode, or text with unknown parts) or still a string.
json_object(v) := v if is_object(v)

json_object(v) := o if {
	is_string(v)
	json.is_valid(v)
	o := json.unmarshal(v)
	is_object(o)
}
