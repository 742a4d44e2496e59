package palisade.aws.secretsmanager.secret_without_cmk_test

import data.palisade.aws.secretsmanager.secret_without_cmk as rule

test_missing_fires if {
	rule.deny == {{"msg": "aws_secretsmanager_secret.this is encrypted with the AWS managed key", "resource": "aws_secretsmanager_secret.this", "path": ["kms_key_id"], "fix": [{"config": {"deletion_window_in_days": 30, "description": "Customer managed key for aws_secretsmanager_secret.this", "enable_key_rotation": true}, "name": "this", "op": "add_resource", "type": "aws_kms_key"}, {"op": "set", "path": ["kms_key_id"], "value": {"$expr": "aws_kms_key.this.arn"}}]}} with input as {"resources": [{"address": "aws_secretsmanager_secret.this", "type": "aws_secretsmanager_secret", "name": "this", "config": {}, "references": []}]}
}

test_present_passes if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_secretsmanager_secret.this", "type": "aws_secretsmanager_secret", "name": "this", "config": {"kms_key_id": "arn:aws:kms:x"}, "references": []}]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_secretsmanager_secret.this", "type": "aws_secretsmanager_secret", "name": "this", "config": {"kms_key_id": {"$unknown": "var.x"}}, "references": []}]}
}

call(config) := {"address": "module.s", "source": "terraform-aws-modules/secrets-manager/aws", "config": config}

test_opaque_module_without_key_fires if {
	some f in rule.deny with input as {"resources": [], "modules": [call({"name": "db"})]}
	f.resource == "module.s"
	f.path == ["kms_key_id"]
	f.msg == "module.s is encrypted with the AWS managed key"
}

test_opaque_module_with_key_or_switched_off_passes if {
	count(rule.deny) == 0 with input as {"resources": [], "modules": [call({"kms_key_id": {"$unknown": "aws_kms_key.s.arn"}})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [call({"create": false})]}
}

# kms_key_id = "" names no key: Secrets Manager uses aws/secretsmanager, as when it is unset.
test_empty_key_fires if {
	count(rule.deny) == 1 with input as {"resources": [{"address": "aws_secretsmanager_secret.this", "type": "aws_secretsmanager_secret", "name": "this", "config": {"kms_key_id": ""}, "references": []}]}
}

test_opaque_module_with_empty_key_fires if {
	count(rule.deny) == 1 with input as {"resources": [], "modules": [call({"name": "db", "kms_key_id": ""})]}
}

secret(config, refs) := {"address": "aws_secretsmanager_secret.this", "type": "aws_secretsmanager_secret", "name": "this", "config": config, "references": refs}

# The AWS managed key named explicitly is the same key as no key at all; a customer alias is not.
test_named_aws_managed_key_fires if {
	some f in rule.deny with input as {"resources": [secret({"kms_key_id": "alias/aws/secretsmanager"}, [])]}
	f.msg == "aws_secretsmanager_secret.this is encrypted with the AWS managed key aws/secretsmanager"
	f.fix[count(f.fix) - 1] == {"op": "set", "path": ["kms_key_id"], "value": {"$expr": "aws_kms_key.this.arn"}}
	count(rule.deny) == 1 with input as {"resources": [secret({"kms_key_id": "arn:aws:kms:us-east-1:111122223333:alias/aws/secretsmanager"}, [])]}
	count(rule.deny) == 0 with input as {"resources": [secret({"kms_key_id": "alias/MyAlias"}, [])]}
}

test_aws_managed_key_through_data_source_fires if {
	data_source := {"address": "data.aws_kms_key.by_alias", "type": "aws_kms_key", "mode": "data", "name": "by_alias", "config": {"key_id": "alias/aws/secretsmanager"}, "references": []}
	s := secret({"kms_key_id": {"$unknown": "data.aws_kms_key.by_alias.arn"}}, [{"path": ["kms_key_id"], "target": "data.aws_kms_key.by_alias"}])
	some f in rule.deny with input as {"resources": [s], "data": [data_source]}
	f.path == ["kms_key_id"]
}

reader(address, target) := {"address": address, "type": "aws_lambda_function", "name": "f", "config": {}, "references": [{"path": ["environment", 0, "variables"], "target": target}]}

version := {"address": "aws_secretsmanager_secret_version.v", "type": "aws_secretsmanager_secret_version", "name": "v", "config": {}, "references": [{"path": ["secret_id"], "target": "aws_secretsmanager_secret.this"}]}

# A secret read in the configuration keeps its finding but gets no fix: its readers would need
# kms:Decrypt on the new key (H12, a Lambda reading the secret by its id).
test_read_secret_has_no_fix if {
	some f in rule.deny with input as {"resources": [secret({}, []), reader("aws_lambda_function.f", "aws_secretsmanager_secret.this")]}
	not f.fix
	f.msg == "aws_secretsmanager_secret.this is encrypted with the AWS managed key (read in this configuration: give its readers kms:Decrypt on a customer managed key first)"
}

# Read through its version: a policy document granting GetSecretValue on the version's ARN.
test_secret_read_through_version_has_no_fix if {
	doc := {"address": "data.aws_iam_policy_document.d", "type": "aws_iam_policy_document", "mode": "data", "name": "d", "config": {}, "references": [{"path": ["statement", 0, "resources"], "target": "aws_secretsmanager_secret_version.v"}]}
	some f in rule.deny with input as {"resources": [secret({}, []), version], "data": [doc]}
	not f.fix
}

# Its own version alone is not a reader: the fix stays.
test_secret_with_only_its_version_keeps_fix if {
	some f in rule.deny with input as {"resources": [secret({}, []), version]}
	count(f.fix) == 2
}

# Handed to a module call: the module reads it (held-out s22/H3, DataDog's serverless sample passes
# the API key secret's ARN to local modules whose Lambda roles call GetSecretValue on it). A call
# naming another secret does not count.
test_secret_handed_to_a_module_call_has_no_fix if {
	call := {"address": "module.activity", "source": "./services/activity", "dir": "services/activity", "config": {"dd_api_key_secret_arn": {"$unknown": "aws_secretsmanager_secret.this.arn"}}}
	some f in rule.deny with input as {"resources": [secret({}, [])], "modules": [call]}
	not f.fix
	nested := object.union(call, {"config": {"secrets": [{"arn": {"$unknown": "aws_secretsmanager_secret.this.arn"}}]}})
	some g in rule.deny with input as {"resources": [secret({}, [])], "modules": [nested]}
	not g.fix
	other := object.union(call, {"config": {"dd_api_key_secret_arn": {"$unknown": "aws_secretsmanager_secret.other.arn"}}})
	some h in rule.deny with input as {"resources": [secret({}, [])], "modules": [other]}
	count(h.fix) == 2
}
