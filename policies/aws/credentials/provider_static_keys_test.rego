package palisade.aws.credentials.provider_static_keys_test

import data.palisade.aws.credentials.provider_static_keys as rule

aws(config) := {"address": "provider.aws", "name": "aws", "file": "main.tf", "config": config}

test_both_keys_one_finding if {
	rule.deny == {{"msg": "provider.aws sets access_key and secret_key to a value written in the configuration", "resource": "provider.aws", "path": ["access_key"]}} with input as {"resources": [], "providers": [aws({"region": "us-west-2", "access_key": "my-access-key", "secret_key": "my-secret-key"})]}
}

test_secret_key_alone if {
	rule.deny == {{"msg": "provider.aws sets secret_key to a value written in the configuration", "resource": "provider.aws", "path": ["secret_key"]}} with input as {"resources": [], "providers": [aws({"secret_key": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"})]}
}

test_aliased_provider_in_module if {
	p := {"address": "module.app.provider.aws.west", "name": "aws", "alias": "west", "file": "main.tf", "config": {"access_key": "AKIAIOSFODNN7EXAMPLE"}}
	count(rule.deny) == 1 with input as {"resources": [], "providers": [p]}
}

test_no_keys if {
	count(rule.deny) == 0 with input as {"resources": [], "providers": [aws({"region": "us-west-2"})]}
}

test_assume_role if {
	count(rule.deny) == 0 with input as {"resources": [], "providers": [aws({"assume_role": [{"role_arn": "arn:aws:iam::123456789012:role/deploy"}]})]}
}

# A variable without a default: the key comes from the pipeline at apply time.
test_unknown_key if {
	count(rule.deny) == 0 with input as {"resources": [], "providers": [aws({"access_key": {"$unknown": "var.access_key"}, "secret_key": {"$unknown": "var.secret_key"}})]}
}

test_empty_key if {
	count(rule.deny) == 0 with input as {"resources": [], "providers": [aws({"access_key": "", "secret_key": " "})]}
}

# LocalStack and other test endpoints take any dummy key and skip the STS check.
test_skip_credentials_validation if {
	count(rule.deny) == 0 with input as {"resources": [], "providers": [aws({"access_key": "test", "secret_key": "test", "skip_credentials_validation": true})]}
}

test_other_provider if {
	p := {"address": "provider.google", "name": "google", "file": "main.tf", "config": {"access_key": "x"}}
	count(rule.deny) == 0 with input as {"resources": [], "providers": [p]}
}

test_no_providers if {
	count(rule.deny) == 0 with input as {"resources": []}
}
