# METADATA
# title: A password or auth token is written in the configuration
# description: |
#   A database master password, a Redis auth token, a broker, directory or Glue connection
#   password, a DataSync location's password or object-storage secret key, an API Gateway API key,
#   an Amplify app's repository access or OAuth token, a CodePipeline webhook's secret token or a
#   GitHub (version 1) source action's OAuthToken, an
#   EMR cluster's Kerberos passwords, an AppStream directory config's service account password, a
#   Pinpoint push channel's private key, token key or API key,
#   a CloudFormation stack parameter named for a secret (DBPassword, ApiKey) or a secret's value
#   set to a plain string — in the resource, a variable's default or a .tfvars file — is
#   readable by everyone who can read the repository, its history and every clone and CI log,
#   and it cannot be rotated without a commit. Values that Terraform only knows at apply time
#   (a variable without a default, random_password, a Secrets Manager data source) are not
#   reported: they are not written down; nor is a stand-in ("Test", "replace") that lifecycle
#   ignore_changes leaves a secret's or SecureString parameter's real value to be put by hand.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/rds-secrets-manager.html
#   - ref: https://developer.hashicorp.com/terraform/language/values/variables#suppressing-values-in-cli-output
#   - ref: https://cwe.mitre.org/data/definitions/798.html
#   - ref: https://docs.aws.amazon.com/glue/latest/dg/connection-properties.html
#   - ref: https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/security-best-practices.html#creds
# custom:
#   id: PAL-AWS-CREDENTIALS-001
#   severity: high
#   formats: [terraform]
#   resource_types:
#     - aws_db_instance
#     - aws_rds_cluster
#     - aws_docdb_cluster
#     - aws_redshift_cluster
#     - aws_redshiftserverless_namespace
#     - aws_elasticache_replication_group
#     - aws_elasticache_user
#     - aws_dms_endpoint
#     - aws_directory_service_directory
#     - aws_mq_broker
#     - aws_opensearch_domain
#     - aws_elasticsearch_domain
#     - aws_secretsmanager_secret_version
#     - aws_ssm_parameter
#     - aws_glue_connection
#     - aws_api_gateway_api_key
#     - aws_datasync_location_object_storage
#     - aws_datasync_location_smb
#     - aws_datasync_location_fsx_windows_file_system
#     - aws_cloudformation_stack
#     - aws_cloudformation_stack_set
#     - aws_cloudformation_stack_set_instance
#     - aws_amplify_app
#     - aws_amplify_branch
#     - aws_codepipeline_webhook
#     - aws_codepipeline
#     - aws_emr_cluster
#     - aws_appstream_directory_config
#     - aws_pinpoint_apns_channel
#     - aws_pinpoint_apns_sandbox_channel
#     - aws_pinpoint_apns_voip_channel
#     - aws_pinpoint_apns_voip_sandbox_channel
#     - aws_pinpoint_gcm_channel
#     - aws_pinpoint_baidu_channel
#     - "module:terraform-aws-modules/rds/aws"
#     - "module:terraform-aws-modules/rds-aurora/aws"
#   frameworks:
#     pci-dss-4.0: ["8.3.2", "8.6.2"]
#     nist-800-53: [IA-5(7)]
#     soc2: [CC6.1]
#   references:
#     checkov: CKV_AWS_295
#   cwe: ["CWE-798"]
#   remediation: |
#     Let the service keep the secret (RDS, Aurora and DocumentDB: manage_master_user_password = true;
#     Redshift: manage_master_password = true), generate it with random_password, or pass it in a
#     variable without a default (sensitive = true) from the pipeline's secret store. Glue
#     connections: SECRET_ID naming a Secrets Manager secret. API Gateway keys: leave value unset
#     and let API Gateway generate the key. CloudFormation: a NoEcho parameter fed from a variable
#     without a default, or a {{resolve:secretsmanager:…}} dynamic reference in the template.
#   fixable: false
package palisade.aws.credentials.hardcoded_secret

import data.palisade.aws.credentials.secret_in_environment as env
import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

# Where each resource type takes a secret, as paths into its config ("*" steps over every nested
# block of a list).
secret_paths := {
	"aws_db_instance": [["password"]],
	"aws_rds_cluster": [["master_password"]],
	"aws_docdb_cluster": [["master_password"]],
	"aws_redshift_cluster": [["master_password"]],
	"aws_redshiftserverless_namespace": [["admin_user_password"]],
	"aws_elasticache_replication_group": [["auth_token"]],
	"aws_elasticache_user": [["passwords"]],
	"aws_dms_endpoint": [["password"]],
	"aws_directory_service_directory": [["password"]],
	"aws_mq_broker": [["user", "*", "password"]],
	"aws_opensearch_domain": [["advanced_security_options", "*", "master_user_options", "*", "master_user_password"]],
	"aws_elasticsearch_domain": [["advanced_security_options", "*", "master_user_options", "*", "master_user_password"]],
	"aws_secretsmanager_secret_version": [["secret_string"]],
	# A JDBC connection's password is a key of the connection_properties map (SECRET_ID names a
	# Secrets Manager secret instead).
	"aws_glue_connection": [["connection_properties", "PASSWORD"]],
	# A key written here is the credential every client of the usage plan sends (CloudGoat's
	# sns_secrets leaks one); without value, API Gateway generates it.
	"aws_api_gateway_api_key": [["value"]],
	# DataSync signs in to the storage it copies from or to: an S3-compatible server's secret key,
	# an SMB share's or an FSx for Windows file system's user password.
	"aws_datasync_location_object_storage": [["secret_key"]],
	"aws_datasync_location_smb": [["password"]],
	"aws_datasync_location_fsx_windows_file_system": [["password"]],
	# Amplify's basic authentication guards a branch's preview with base64("user:password").
	"aws_amplify_branch": [["basic_auth_credentials"]],
	# Amplify clones the repository with a personal access token (GitHub) or an OAuth token
	# (Bitbucket, CodeCommit): whoever reads one can read, and usually write, the repository.
	"aws_amplify_app": [
		["basic_auth_credentials"], ["auto_branch_creation_config", "*", "basic_auth_credentials"],
		["access_token"], ["oauth_token"],
	],
	# The HMAC secret that proves a webhook call comes from GitHub: with it anyone can start the pipeline.
	"aws_codepipeline_webhook": [["authentication_configuration", "*", "secret_token"]],
	# The KDC admin password, the cross-realm trust password and the AD join account's password.
	"aws_emr_cluster": [
		["kerberos_attributes", "*", "kdc_admin_password"],
		["kerberos_attributes", "*", "cross_realm_trust_principal_password"],
		["kerberos_attributes", "*", "ad_domain_join_password"],
	],
	# The directory account AppStream joins fleets and image builders to the domain with.
	"aws_appstream_directory_config": [["service_account_credentials", "*", "account_password"]],
	# Pinpoint signs in to Apple's push service with a certificate's private key or a .p8 token key,
	# to Firebase and Baidu with an API key (and a secret key, or a service account JSON): whoever
	# holds one can push notifications to every user of the app.
	"aws_pinpoint_apns_channel": [["private_key"], ["token_key"]],
	"aws_pinpoint_apns_sandbox_channel": [["private_key"], ["token_key"]],
	"aws_pinpoint_apns_voip_channel": [["private_key"], ["token_key"]],
	"aws_pinpoint_apns_voip_sandbox_channel": [["private_key"], ["token_key"]],
	"aws_pinpoint_gcm_channel": [["api_key"], ["service_json"]],
	"aws_pinpoint_baidu_channel": [["api_key"], ["secret_key"]],
}

# values_at(config, steps): [path, value] pairs the steps reach (at most two "*" steps).
values_at(config, [key]) := [[[key], config[key]]]

# A key of a map argument.
values_at(config, [key, field]) := [[[key, field], config[key][field]]] if is_object(config[key])

values_at(config, [key, "*", field]) := [[[key, i, field], item[field]] |
	some i, item in unknown.items(object.get(config, key, []))
	is_object(item)
]

values_at(config, [key, "*", inner, "*", field]) := [[[key, i, inner, j, field], nested[field]] |
	some i, item in unknown.items(object.get(config, key, []))
	is_object(item)
	some j, nested in unknown.items(object.get(item, inner, []))
	is_object(nested)
]

# plain(value): a non-empty string that Terraform knows before apply.
plain(value) if trim_space(unknown.known_string(value)) != ""

# written(value): a plain string, or a list holding one.
written(value) if plain(value)

written(value) if {
	is_array(value)
	some v in value
	plain(v)
}

deny contains result.fail(r, path, msg) if {
	some r in input.resources
	some steps in secret_paths[r.type]
	some pair in values_at(r.config, steps)
	[path, value] := pair
	written(value)
	not seed(r, path[0], value)
	msg := sprintf("%s sets %s to a value written in the configuration", [r.address, path[count(path) - 1]])
}

# Opaque terraform-aws-modules rds and rds-aurora calls pass their password input on to the
# aws_db_instance or aws_rds_cluster only when the call turns the module's own password off:
# manage_master_user_password (rds v6 on, rds-aurora v8 on) defaults to true, as does
# create_random_password in the majors before (rds v4-v5; rds v2.32-v3 default it to false, where
# a written password used without a switch is left unjudged), and with either on the module
# ignores a written password.
# A call that sets one of them to false uses the password it is given (password, or password_wo
# from rds v7; master_password, or master_password_wo).
deny contains result.fail(m, [name], msg) if {
	some kind, calls in module_databases
	some m in calls
	own_password_off(m)
	passes_password(kind, m)
	some name in module_password_inputs[kind]
	written(object.get(m.config, name, null))
	msg := sprintf("%s sets %s to a value written in the configuration", [m.address, name])
}

# CodePipeline's GitHub (version 1) source action clones the repository with the OAuth or personal
# access token in its configuration's OAuthToken (AWS's GitHub v1 action reference): whoever reads
# it can read, and usually write, the repository. The configuration is a map (Terraform 0.12 on)
# or, in 0.11 and before, a block.
deny contains result.fail(r, path, msg) if {
	some r in tf.resources("aws_codepipeline")
	some i, stage in unknown.items(object.get(r.config, "stage", []))
	is_object(stage)
	some j, action in unknown.items(object.get(stage, "action", []))
	is_object(action)
	some pair in action_configurations(action)
	[steps, configuration] := pair
	written(object.get(configuration, "OAuthToken", null))
	path := array.concat(array.concat(["stage", i, "action", j], steps), ["OAuthToken"])
	msg := sprintf("%s sets OAuthToken to a value written in the configuration", [r.address])
}

# A SecureString parameter exists to keep its value secret; a value written in the configuration
# defeats it (a plain String parameter with a secret name is PAL-AWS-SSM-001's finding).
deny contains result.fail(r, ["value"], msg) if {
	some r in tf.resources("aws_ssm_parameter")
	r.config.type == "SecureString"
	value := object.get(r.config, "value", null)
	written(value)
	not placeholder(value)
	not seed(r, "value", value)
	msg := sprintf("%s is a SecureString whose value is written in the configuration", [r.address])
}

# A CloudFormation stack's parameters are free-form, so a parameter is a secret by its name
# (PAL-AWS-CREDENTIALS-002's naming, with CloudFormation's CamelCase split into words: DBPassword is
# DB_Password). A value written here is in the repository, and CloudFormation shows it to every
# cloudformation:DescribeStacks caller unless the template declares the parameter NoEcho; a
# generated or variable value, a secret's ARN and a {{resolve:…}} dynamic reference are not written.
# A stack set instance's parameter_overrides are the same parameters, for one account and Region.
deny contains result.fail(r, [argument, name], msg) if {
	some type, argument in stack_parameter_arguments
	some r in tf.resources(type)
	params := object.get(r.config, argument, {})
	is_object(params)
	not unknown.is_unknown(params)
	some name, value in params
	env.secret_name(camel_words(name))
	env.written(value)
	msg := sprintf("%s sets the stack parameter %s to a value written in the configuration", [r.address, name])
}

stack_parameter_arguments := {
	"aws_cloudformation_stack": "parameters",
	"aws_cloudformation_stack_set": "parameters",
	"aws_cloudformation_stack_set_instance": "parameter_overrides",
}

# The string "null" as a SecureString's value is a stand-in for "no secret", not a secret: AWS
# Control Tower Account Factory stores var.terraform_token (default "null", for its Terraform
# Cloud token, which deployments that use it pass in) and its code treats "null" as unset.
# SSM rejects an empty value, so modules that create the parameter unconditionally need one.
placeholder(value) if lower(trim_space(value)) == "null"

# camel_words("DBPasswordARN") == "DB_Password_ARN": a word starts at a capital after a lower-case
# letter or digit, or at the last capital of a run that a lower-case letter follows.
camel_words(name) := regex.replace(regex.replace(name, `([A-Z]+)([A-Z][a-z])`, "${1}_${2}"), `([a-z0-9])([A-Z])`, "${1}_${2}")

# seed(r, argument, value): lifecycle { ignore_changes } leaves a secret's or SecureString's value
# to whoever puts the real one after Terraform created it (by hand, or a rotation), and what is
# written is a stand-in ("Test", {"secret_key": "replace"}): a placeholder Terraform sets once, not
# the credential. A real-looking value stays reported even so: it is live until someone replaces
# it (terraform-aws-modules' ssm-parameter example seeds "secret123123!!!" that way). Not for the
# services' own passwords: a database's written password is the live password of the database
# this configuration creates.
seed_types := {"aws_secretsmanager_secret_version": "secret_string", "aws_ssm_parameter": "value"}

seed(r, argument, value) if {
	seed_types[r.type] == argument
	left_to_others(object.get(r, "ignore_changes", []), argument)
	stand_in(value)
}

left_to_others("all", _)

left_to_others(ignored, argument) if argument in ignored

# A stand-in: one of the words written where a value is to be filled in later, alone or as every
# value of a JSON object (a secret holding several keys).
stand_in_words := {
	"test", "replace", "replaceme", "replace-me", "replace_me", "changeme", "change-me", "change_me",
	"placeholder", "dummy", "todo", "tbd", "xxx", "none", "null", "empty", "initial", "default",
	"setme", "set-me", "set_me", "manual", "manually",
}

stand_in(value) if lower(trim_space(value)) in stand_in_words

stand_in(value) if {
	doc := json.unmarshal(value)
	is_object(doc)
	count(doc) > 0
	every v in doc {
		is_string(v)
		lower(trim_space(v)) in stand_in_words
	}
}

# The inputs that carry a module call's master password, and the calls that create a database.
module_password_inputs := {"rds": ["password", "password_wo"], "rds-aurora": ["master_password", "master_password_wo"]}

module_databases := {"rds": modules.rds_instances, "rds-aurora": modules.aurora_clusters}

# passes_password(kind, m): the module hands the password input to the database it creates.
# rds-aurora sets the cluster's master password only with is_primary_cluster left true (every
# major: a secondary cluster of a global database takes the primary's credentials); an unknown
# is_primary_cluster is not judged.
passes_password("rds", _)

passes_password("rds-aurora", m) if object.get(m.config, "is_primary_cluster", true) == true

# own_password_off(m): the call turns the module's managed or generated password off.
own_password_off(m) if {
	some switch in ["manage_master_user_password", "create_random_password"]
	object.get(m.config, switch, null) == false
}

# action_configurations(action): [steps, configuration] of a pipeline action's configuration map, or
# of each of its configuration blocks (Terraform 0.11).
action_configurations(action) := [[["configuration"], c]] if {
	c := object.get(action, "configuration", null)
	is_object(c)
	unknown.known(c)
} else := [[["configuration", k], c] |
	some k, c in unknown.items(object.get(action, "configuration", []))
	is_object(c)
]
