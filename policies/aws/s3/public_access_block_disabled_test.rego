package palisade.aws.s3.public_access_block_disabled_test

import data.palisade.aws.s3.public_access_block_disabled as rule

pab(config) := {"address": "aws_s3_bucket_public_access_block.logs", "type": "aws_s3_bucket_public_access_block", "name": "logs", "config": config, "references": []}

all_true := {"block_public_acls": true, "block_public_policy": true, "ignore_public_acls": true, "restrict_public_buckets": true}

test_false_flag_fires_with_fix if {
	rule.deny == {{
		"msg": "aws_s3_bucket_public_access_block.logs does not set block_public_acls to true",
		"resource": "aws_s3_bucket_public_access_block.logs", "path": ["block_public_acls"],
		"fix": [{"op": "set", "path": ["block_public_acls"], "value": true}],
	}} with input as {"resources": [pab(object.union(all_true, {"block_public_acls": false}))]}
}

test_unset_flags_fire if {
	findings := rule.deny with input as {"resources": [pab({"block_public_acls": true})]}
	{f.path | some f in findings} == {["block_public_policy"], ["ignore_public_acls"], ["restrict_public_buckets"]}
}

test_account_level_fires if {
	acct := {"address": "aws_s3_account_public_access_block.this", "type": "aws_s3_account_public_access_block", "name": "this", "config": object.union(all_true, {"ignore_public_acls": false}), "references": []}
	findings := rule.deny with input as {"resources": [acct]}
	some f in findings
	f.path == ["ignore_public_acls"]
}

test_all_true_passes if {
	count(rule.deny) == 0 with input as {"resources": [pab(all_true)]}
}

test_unknown_flags_do_not_fire if {
	u := {"$unknown": "var.block"}
	count(rule.deny) == 0 with input as {"resources": [pab({"block_public_acls": u, "block_public_policy": u, "ignore_public_acls": u, "restrict_public_buckets": u})]}
}
