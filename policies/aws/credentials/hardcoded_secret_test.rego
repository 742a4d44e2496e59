package palisade.aws.credentials.hardcoded_secret_test

import data.palisade.aws.credentials.hardcoded_secret as rule

res(type, config) := {"address": sprintf("%s.this", [type]), "type": type, "name": "this", "config": config, "references": []}

test_db_password_literal_fires if {
	rule.deny == {{
		"msg": "aws_db_instance.this sets password to a value written in the configuration",
		"resource": "aws_db_instance.this", "path": ["password"],
	}} with input as {"resources": [res("aws_db_instance", {"username": "admin", "password": "SuperSecret123!"})]}
}

test_every_kind_of_secret_fires if {
	count(rule.deny) == 1 with input as {"resources": [res("aws_rds_cluster", {"master_password": "pw-123456"})]}
	count(rule.deny) == 1 with input as {"resources": [res("aws_elasticache_replication_group", {"auth_token": "a-long-redis-token-1234"})]}
	count(rule.deny) == 1 with input as {"resources": [res("aws_elasticache_user", {"passwords": ["a-long-user-password-1"]})]}
	count(rule.deny) == 1 with input as {"resources": [res("aws_secretsmanager_secret_version", {"secret_string": "{\"password\":\"x1\"}"})]}
	count(rule.deny) == 1 with input as {"resources": [res("aws_ssm_parameter", {"type": "SecureString", "value": "s3cr3t"})]}
}

test_nested_blocks_are_placed_on_the_value if {
	broker := res("aws_mq_broker", {"user": [{"username": "ops", "password": {"$unknown": "var.pw"}}, {"username": "app", "password": "AppPassw0rd!!"}]})
	rule.deny == {{
		"msg": "aws_mq_broker.this sets password to a value written in the configuration",
		"resource": "aws_mq_broker.this", "path": ["user", 1, "password"],
	}} with input as {"resources": [broker]}
	domain := res("aws_opensearch_domain", {"advanced_security_options": [{"enabled": true, "master_user_options": [{"master_user_name": "admin", "master_user_password": "Admin#12345"}]}]})
	count(rule.deny) == 1 with input as {"resources": [domain]}
}

test_values_known_only_at_apply_pass if {
	count(rule.deny) == 0 with input as {"resources": [res("aws_db_instance", {"password": {"$unknown": "random_password.db.result"}})]}
	count(rule.deny) == 0 with input as {"resources": [res("aws_elasticache_user", {"passwords": [{"$unknown": "var.pw"}]})]}
}

test_no_password_or_empty_passes if {
	count(rule.deny) == 0 with input as {"resources": [res("aws_db_instance", {"manage_master_user_password": true})]}
	count(rule.deny) == 0 with input as {"resources": [res("aws_db_instance", {"password": ""})]}
	count(rule.deny) == 0 with input as {"resources": [res("aws_rds_cluster", {"master_password": null})]}
}

test_plain_string_parameter_is_another_rule if {
	count(rule.deny) == 0 with input as {"resources": [res("aws_ssm_parameter", {"type": "String", "value": "eu-west-1"})]}
}

# CloudGoat glue_privesc / sns_secrets.
test_glue_connection_password_and_api_key_fire if {
	glue := res("aws_glue_connection", {"connection_properties": {"USERNAME": "postgres", "PASSWORD": "bob12cgv", "JDBC_CONNECTION_URL": "jdbc:postgresql://db:5432/data"}})
	rule.deny == {{
		"msg": "aws_glue_connection.this sets PASSWORD to a value written in the configuration",
		"resource": "aws_glue_connection.this", "path": ["connection_properties", "PASSWORD"],
	}} with input as {"resources": [glue]}
	count(rule.deny) == 1 with input as {"resources": [res("aws_api_gateway_api_key", {"name": "k", "value": "45a3da610dc64703b10e273a4db135bf"})]}
}

test_glue_secret_id_and_generated_api_key_pass if {
	count(rule.deny) == 0 with input as {"resources": [res("aws_glue_connection", {"connection_properties": {"SECRET_ID": "prod/db", "JDBC_CONNECTION_URL": "jdbc:postgresql://db:5432/data"}})]}
	count(rule.deny) == 0 with input as {"resources": [res("aws_glue_connection", {"connection_properties": {"PASSWORD": {"$unknown": "var.db_password"}}})]}
	count(rule.deny) == 0 with input as {"resources": [res("aws_glue_connection", {"connection_properties": {"$unknown": "local.props"}})]}
	count(rule.deny) == 0 with input as {"resources": [res("aws_api_gateway_api_key", {"name": "k"})]}
}

# AWS Control Tower Account Factory (held-out round, session 17) stores var.terraform_token,
# default "null", in a SecureString: a placeholder for "no token", not a secret. A DB password
# "null" is still the password the database gets.
test_securestring_null_placeholder_passes if {
	count(rule.deny) == 0 with input as {"resources": [res("aws_ssm_parameter", {"type": "SecureString", "value": "null"})]}
	count(rule.deny) == 0 with input as {"resources": [res("aws_ssm_parameter", {"type": "SecureString", "value": "NULL"})]}
	count(rule.deny) == 1 with input as {"resources": [res("aws_ssm_parameter", {"type": "SecureString", "value": "null-token-1"})]}
	count(rule.deny) == 1 with input as {"resources": [res("aws_db_instance", {"password": "null"})]}
}

# Turbot's steampipe-mod-terraform-aws-compliance (round 26): DataSync locations sign in to the
# storage they copy with a key or password written in the configuration.
test_datasync_location_credentials_fire if {
	rule.deny == {{
		"msg": "aws_datasync_location_object_storage.this sets secret_key to a value written in the configuration",
		"resource": "aws_datasync_location_object_storage.this", "path": ["secret_key"],
	}} with input as {"resources": [res("aws_datasync_location_object_storage", {"server_hostname": "s3.example.com", "access_key": "AKIAIOSFODNN7EXAMPLE", "secret_key": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"})]}
	count(rule.deny) == 1 with input as {"resources": [res("aws_datasync_location_smb", {"user": "svc", "password": "Winter2024!"})]}
	count(rule.deny) == 1 with input as {"resources": [res("aws_datasync_location_fsx_windows_file_system", {"user": "svc", "password": "Winter2024!"})]}
}

test_datasync_location_without_written_credentials_passes if {
	count(rule.deny) == 0 with input as {"resources": [res("aws_datasync_location_object_storage", {"server_hostname": "s3.example.com"})]}
	count(rule.deny) == 0 with input as {"resources": [res("aws_datasync_location_smb", {"user": "svc", "password": {"$unknown": "var.smb_password"}})]}
}

# CloudSploit's plainTextParameters (session 21): a stack parameter named for a secret, in the
# CamelCase CloudFormation templates use, with its value written here.
test_cloudformation_secret_parameter_fires if {
	rule.deny == {{
		"msg": "aws_cloudformation_stack.this sets the stack parameter DBPassword to a value written in the configuration",
		"resource": "aws_cloudformation_stack.this", "path": ["parameters", "DBPassword"],
	}} with input as {"resources": [res("aws_cloudformation_stack", {"name": "db", "parameters": {"DBPassword": "hunter2-Secret!", "InstanceType": "t3.micro"}})]}
	count(rule.deny) == 1 with input as {"resources": [res("aws_cloudformation_stack_set", {"name": "s", "parameters": {"GitHubOAuthToken": "ghp_abcdefghijklmnop"}})]}
	count(rule.deny) == 1 with input as {"resources": [res("aws_cloudformation_stack", {"name": "s", "parameters": {"api_key": "k-1234567890"}})]}
}

# Review R1 (session 21): a stack set instance's parameter_overrides are the same parameters, set
# for one account and Region.
test_cloudformation_stack_set_instance_override_fires if {
	rule.deny == {{
		"msg": "aws_cloudformation_stack_set_instance.this sets the stack parameter DBPassword to a value written in the configuration",
		"resource": "aws_cloudformation_stack_set_instance.this", "path": ["parameter_overrides", "DBPassword"],
	}} with input as {"resources": [res("aws_cloudformation_stack_set_instance", {"stack_set_name": "s", "parameter_overrides": {"DBPassword": "hunter2-Secret!", "Stage": "prod"}})]}
	count(rule.deny) == 0 with input as {"resources": [res("aws_cloudformation_stack_set_instance", {"stack_set_name": "s", "parameter_overrides": {"DBPassword": {"$unknown": "var.db_password"}}})]}
}

# Not written down: a generated or variable value, a secret's ARN, a dynamic reference, a setting
# about a secret (its length), an unknown map.
test_cloudformation_parameters_not_written_pass if {
	params := {
		"DBPassword": {"$unknown": "random_password.db.result"},
		"AdminPassword": {"$unknown": "var.admin_password"},
		"DBPasswordSecretArn": "arn:aws:secretsmanager:us-east-1:111122223333:secret:db-AbCdEf",
		"MasterUserPassword": "{{resolve:secretsmanager:db:SecretString:password}}",
		"KeyName": "ops-key",
		"PasswordLength": "32",
	}
	count(rule.deny) == 0 with input as {"resources": [res("aws_cloudformation_stack", {"name": "s", "parameters": params})]}
	count(rule.deny) == 0 with input as {"resources": [res("aws_cloudformation_stack", {"name": "s", "parameters": {"$unknown": "var.params"}})]}
}

test_camel_words if {
	rule.camel_words("DBPassword") == "DB_Password"
	rule.camel_words("GitHubOAuthToken") == "Git_Hub_O_Auth_Token"
	rule.camel_words("DBPasswordSecretARN") == "DB_Password_Secret_ARN"
	rule.camel_words("api_key") == "api_key"
}

# lifecycle { ignore_changes = [secret_string] } hands a secret's value to whoever puts the real one
# (IDinsight's aaq-core: "Test", or {public_key = "replace", …}, replaced by hand): what is written
# is a seed Terraform sets once, not the credential.
test_seed_value_left_to_others_passes if {
	seeded := object.union(res("aws_secretsmanager_secret_version", {"secret_string": "Test"}), {"ignore_changes": ["secret_string"]})
	count(rule.deny) == 0 with input as {"resources": [seeded]}
	ignored_whole := object.union(res("aws_secretsmanager_secret_version", {"secret_string": "{\"secret_key\":\"replace\"}"}), {"ignore_changes": "all"})
	count(rule.deny) == 0 with input as {"resources": [ignored_whole]}
	param := object.union(res("aws_ssm_parameter", {"type": "SecureString", "value": "changeme"}), {"ignore_changes": ["value"]})
	count(rule.deny) == 0 with input as {"resources": [param]}
}

# Ignoring another argument does not make the value a seed; and a database's password stays the
# live password of the database this configuration creates until someone changes it.
test_seed_rule_is_narrow if {
	# A real-looking value is live until replaced (terraform-aws-modules' ssm-parameter example).
	real := object.union(res("aws_ssm_parameter", {"type": "SecureString", "value": "secret123123!!!"}), {"ignore_changes": ["insecure_value", "value"]})
	count(rule.deny) == 1 with input as {"resources": [real]}
	mixed := object.union(res("aws_secretsmanager_secret_version", {"secret_string": "{\"user\":\"replace\",\"password\":\"Hunter2!x\"}"}), {"ignore_changes": ["secret_string"]})
	count(rule.deny) == 1 with input as {"resources": [mixed]}
	other := object.union(res("aws_secretsmanager_secret_version", {"secret_string": "Test"}), {"ignore_changes": ["version_stages"]})
	count(rule.deny) == 1 with input as {"resources": [other]}
	db := object.union(res("aws_db_instance", {"password": "SuperSecret123!"}), {"ignore_changes": ["password"]})
	count(rule.deny) == 1 with input as {"resources": [db]}
}

# Review R2 (session 21): Amplify's basic authentication credentials (base64 of user:password) guard
# a branch's preview; written here, they are in the repository and the state.
test_amplify_basic_auth_credentials_fire if {
	rule.deny == {{
		"msg": "aws_amplify_app.this sets basic_auth_credentials to a value written in the configuration",
		"resource": "aws_amplify_app.this", "path": ["basic_auth_credentials"],
	}} with input as {"resources": [res("aws_amplify_app", {"name": "a", "enable_basic_auth": true, "basic_auth_credentials": "dXNlcjpwYXNzd29yZA=="})]}
	count(rule.deny) == 1 with input as {"resources": [res("aws_amplify_branch", {"branch_name": "main", "basic_auth_credentials": "dXNlcjpwYXNzd29yZA=="})]}
	count(rule.deny) == 1 with input as {"resources": [res("aws_amplify_app", {"name": "a", "auto_branch_creation_config": [{"basic_auth_credentials": "dXNlcjpwYXNzd29yZA=="}]})]}
	count(rule.deny) == 0 with input as {"resources": [res("aws_amplify_app", {"name": "a", "basic_auth_credentials": {"$unknown": "base64encode(\"${var.user}:${var.password}\")"}})]}
}

# Repository tokens, webhook secrets, Kerberos and directory service account passwords (cfn_nag's
# Amplify, CodePipeline webhook, EMR Kerberos and AppStream password rules).
test_tokens_and_service_passwords_fire if {
	rule.deny == {{
		"msg": "aws_amplify_app.this sets access_token to a value written in the configuration",
		"resource": "aws_amplify_app.this", "path": ["access_token"],
	}} with input as {"resources": [res("aws_amplify_app", {"name": "a", "access_token": "ghp_0123456789abcdefghij"})]}
	count(rule.deny) == 1 with input as {"resources": [res("aws_amplify_app", {"name": "a", "oauth_token": "oauth-0123456789"})]}
	rule.deny == {{
		"msg": "aws_codepipeline_webhook.this sets secret_token to a value written in the configuration",
		"resource": "aws_codepipeline_webhook.this", "path": ["authentication_configuration", 0, "secret_token"],
	}} with input as {"resources": [res("aws_codepipeline_webhook", {"authentication": "GITHUB_HMAC", "authentication_configuration": [{"secret_token": "hmac-secret-1234"}]})]}
	count(rule.deny) == 3 with input as {"resources": [res("aws_emr_cluster", {"kerberos_attributes": [{"realm": "EC2.INTERNAL", "kdc_admin_password": "Kdc#12345", "cross_realm_trust_principal_password": "Trust#12345", "ad_domain_join_password": "Join#12345"}]})]}
	count(rule.deny) == 1 with input as {"resources": [res("aws_appstream_directory_config", {"service_account_credentials": [{"account_name": "CORP\\svc", "account_password": "Svc#12345"}]})]}
}

test_tokens_and_service_passwords_not_written_pass if {
	count(rule.deny) == 0 with input as {"resources": [res("aws_amplify_app", {"name": "a", "access_token": {"$unknown": "var.github_token"}})]}
	count(rule.deny) == 0 with input as {"resources": [res("aws_codepipeline_webhook", {"authentication": "IP", "authentication_configuration": [{"allowed_ip_range": "10.0.0.0/8"}]})]}
	count(rule.deny) == 0 with input as {"resources": [res("aws_emr_cluster", {"kerberos_attributes": [{"realm": "EC2.INTERNAL", "kdc_admin_password": {"$unknown": "random_password.kdc.result"}}]})]}
}

# Pinpoint push channel keys (cfn_nag's Pinpoint APNS private key rule, F57).
test_pinpoint_channel_keys_fire if {
	rule.deny == {{
		"msg": "aws_pinpoint_apns_channel.this sets private_key to a value written in the configuration",
		"resource": "aws_pinpoint_apns_channel.this", "path": ["private_key"],
	}} with input as {"resources": [res("aws_pinpoint_apns_channel", {"application_id": "a", "certificate": "-----BEGIN CERTIFICATE-----", "private_key": "-----BEGIN PRIVATE KEY-----MIIE"})]}
	count(rule.deny) == 1 with input as {"resources": [res("aws_pinpoint_apns_sandbox_channel", {"application_id": "a", "token_key": "-----BEGIN PRIVATE KEY-----MIGT", "token_key_id": "ABC123"})]}
	count(rule.deny) == 1 with input as {"resources": [res("aws_pinpoint_gcm_channel", {"application_id": "a", "api_key": "AIzaSyA-0123456789"})]}
	count(rule.deny) == 2 with input as {"resources": [res("aws_pinpoint_baidu_channel", {"application_id": "a", "api_key": "baidu-api-key", "secret_key": "baidu-secret-key"})]}
}

# The certificate is public, the key read from a file at plan time is not written here.
test_pinpoint_channel_keys_not_written_pass if {
	count(rule.deny) == 0 with input as {"resources": [res("aws_pinpoint_apns_channel", {"application_id": "a", "certificate": "-----BEGIN CERTIFICATE-----", "private_key": {"$unknown": "file(\"private_key.key\")"}})]}
}

# Opaque terraform-aws-modules rds / rds-aurora calls: a written password reaches the database
# only when the call turns the module's own password off.
module_call(source, config) := {"address": "module.db", "source": source, "config": config}

test_module_password_used_when_the_module_password_is_off_fires if {
	rule.deny == {{
		"msg": "module.db sets password to a value written in the configuration",
		"resource": "module.db", "path": ["password"],
	}} with input as {"resources": [], "modules": [module_call("terraform-aws-modules/rds/aws", {"password": "MasterPassword1", "manage_master_user_password": false})]}
	count(rule.deny) == 1 with input as {"resources": [], "modules": [module_call("terraform-aws-modules/rds/aws", {"password": "MasterPassword1", "create_random_password": false})]}
	count(rule.deny) == 1 with input as {"resources": [], "modules": [module_call("terraform-aws-modules/rds/aws//modules/db_instance", {"password": "MasterPassword1", "manage_master_user_password": false})]}
	count(rule.deny) == 1 with input as {"resources": [], "modules": [module_call("terraform-aws-modules/rds/aws", {"password_wo": "MasterPassword1", "manage_master_user_password": false})]}
	{f.path | some f in rule.deny} == {["master_password"]} with input as {"resources": [], "modules": [module_call("terraform-aws-modules/rds-aurora/aws", {"master_password": "MasterPassword1", "manage_master_user_password": false})]}
	count(rule.deny) == 1 with input as {"resources": [], "modules": [module_call("terraform-aws-modules/rds-aurora/aws", {"master_password": "MasterPassword1", "create_random_password": false})]}
	count(rule.deny) == 1 with input as {"resources": [], "modules": [module_call("terraform-aws-modules/rds-aurora/aws", {"master_password_wo": "MasterPassword1", "manage_master_user_password": false})]}
}

test_module_password_ignored_by_the_module_passes if {
	# manage_master_user_password (rds v6+, rds-aurora v8+) and create_random_password (before)
	# default to true: the module then ignores the password input.
	count(rule.deny) == 0 with input as {"resources": [], "modules": [module_call("terraform-aws-modules/rds/aws", {"password": "MasterPassword1"})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [module_call("terraform-aws-modules/rds/aws", {"password": "MasterPassword1", "manage_master_user_password": true})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [module_call("terraform-aws-modules/rds-aurora/aws", {"master_password": "MasterPassword1"})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [module_call("terraform-aws-modules/rds/aws", {"password": "MasterPassword1", "manage_master_user_password": {"$unknown": "var.manage"}})]}
}

test_module_password_not_written_passes if {
	count(rule.deny) == 0 with input as {"resources": [], "modules": [module_call("terraform-aws-modules/rds/aws", {"password": {"$unknown": "var.db_password"}, "manage_master_user_password": false})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [module_call("terraform-aws-modules/rds-aurora/aws", {"master_password": {"$unknown": "random_password.db.result"}, "manage_master_user_password": false})]}
}

test_module_that_creates_no_database_passes if {
	count(rule.deny) == 0 with input as {"resources": [], "modules": [module_call("terraform-aws-modules/rds/aws", {"password": "MasterPassword1", "manage_master_user_password": false, "create_db_instance": false})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [module_call("terraform-aws-modules/rds-aurora/aws", {"master_password": "MasterPassword1", "manage_master_user_password": false, "create": false})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [{"address": "module.db", "source": "terraform-aws-modules/rds/aws", "dir": "modules/db", "config": {"password": "MasterPassword1", "manage_master_user_password": false}}]}
}

# CodePipeline's GitHub (version 1) source action signs in to GitHub with the OAuthToken of its
# configuration (MoJ cloud-platform's cluster pipeline, held-out s23/H6: a token in a variable's
# default). Written as a map (Terraform 0.12 on) or as a block (0.11 and before).
pipeline(configuration) := res("aws_codepipeline", {"stage": [{"name": "Source", "action": [{
	"name": "Source", "category": "Source", "owner": "ThirdParty", "provider": "GitHub",
	"configuration": configuration,
}]}]})

test_codepipeline_github_oauth_token_fires if {
	rule.deny == {{
		"msg": "aws_codepipeline.this sets OAuthToken to a value written in the configuration",
		"resource": "aws_codepipeline.this", "path": ["stage", 0, "action", 0, "configuration", "OAuthToken"],
	}} with input as {"resources": [pipeline({"Owner": "octo", "Repo": "app", "OAuthToken": "6b9f6039a4b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8"})]}
	rule.deny == {{
		"msg": "aws_codepipeline.this sets OAuthToken to a value written in the configuration",
		"resource": "aws_codepipeline.this", "path": ["stage", 0, "action", 0, "configuration", 0, "OAuthToken"],
	}} with input as {"resources": [pipeline([{"Owner": "octo", "OAuthToken": "6b9f6039a4b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8"}])]}
}

test_codepipeline_without_a_written_token_passes if {
	count(rule.deny) == 0 with input as {"resources": [pipeline({"Owner": "octo", "OAuthToken": {"$unknown": "var.github_token"}})]}
	count(rule.deny) == 0 with input as {"resources": [pipeline({"ConnectionArn": "arn:aws:codestar-connections:eu-west-2:111122223333:connection/abc", "FullRepositoryId": "octo/app"})]}
	count(rule.deny) == 0 with input as {"resources": [pipeline({"$unknown": "local.source_configuration"})]}
}

test_module_secondary_aurora_cluster_passes if {
	# rds-aurora passes master_password to the cluster only when is_primary_cluster is left true
	# (a secondary cluster of a global database takes the primary's credentials).
	count(rule.deny) == 0 with input as {"resources": [], "modules": [module_call("terraform-aws-modules/rds-aurora/aws", {"master_password": "MasterPassword1", "manage_master_user_password": false, "is_primary_cluster": false})]}
	count(rule.deny) == 1 with input as {"resources": [], "modules": [module_call("terraform-aws-modules/rds-aurora/aws", {"master_password": "MasterPassword1", "manage_master_user_password": false, "is_primary_cluster": true})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [module_call("terraform-aws-modules/rds-aurora/aws", {"master_password": "MasterPassword1", "manage_master_user_password": false, "is_primary_cluster": {"$unknown": "var.primary"}})]}
}
