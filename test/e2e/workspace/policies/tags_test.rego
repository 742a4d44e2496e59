package team.tags_test

import rego.v1

import data.team.tags

untagged := {"resources": [{"address": "aws_s3_bucket.a", "config": {}}]}

tagged := {"resources": [{"address": "aws_s3_bucket.b", "config": {"tags": {"Owner": "me", "CostCenter": "42"}}}]}

test_untagged_resource_is_denied if {
	count(tags.deny) == 2 with input as untagged
}

test_tagged_resource_passes if {
	count(tags.deny) == 0 with input as tagged
}
