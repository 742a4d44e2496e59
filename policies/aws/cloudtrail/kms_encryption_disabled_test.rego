package palisade.aws.cloudtrail.kms_encryption_disabled_test

import data.palisade.aws.cloudtrail.kms_encryption_disabled as rule

trail(config) := {"address": "aws_cloudtrail.main", "type": "aws_cloudtrail", "name": "main", "config": object.union({"name": "main", "s3_bucket_name": "corp-trail"}, config), "references": []}

test_missing_fires if {
	rule.deny == {{"msg": "aws_cloudtrail.main does not encrypt its logs with a KMS key", "resource": "aws_cloudtrail.main", "path": ["kms_key_id"]}} with input as {"resources": [trail({})]}
}

test_set_passes if {
	count(rule.deny) == 0 with input as {"resources": [trail({"kms_key_id": "arn:aws:x"})]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [trail({"kms_key_id": {"$unknown": "aws_x.y.arn"}})]}
}

# tfsec's rule tests: kms_key_id = "" names no key (the provider leaves it out of the request).
test_empty_key_fires if {
	count(rule.deny) == 1 with input as {"resources": [trail({"kms_key_id": ""})]}
}
