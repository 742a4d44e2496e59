package palisade.lib.s3_test

import data.palisade.lib.s3

bucket := {"address": "aws_s3_bucket.logs", "type": "aws_s3_bucket", "name": "logs", "config": {"bucket": "corp-logs"}, "references": []}

by_ref := {
	"address": "aws_s3_bucket_versioning.a", "type": "aws_s3_bucket_versioning", "name": "a",
	"config": {"bucket": {"$unknown": "aws_s3_bucket.logs.id"}},
	"references": [{"path": ["bucket"], "target": "aws_s3_bucket.logs", "attribute": "id"}],
}

by_name := {"address": "aws_s3_bucket_versioning.b", "type": "aws_s3_bucket_versioning", "name": "b", "config": {"bucket": "corp-logs"}, "references": []}

other := {"address": "aws_s3_bucket_versioning.c", "type": "aws_s3_bucket_versioning", "name": "c", "config": {"bucket": "else"}, "references": []}

test_companions_by_reference_and_name if {
	s3.companions(bucket, "aws_s3_bucket_versioning") == {by_ref, by_name} with input as {"resources": [bucket, by_ref, by_name, other]}
}

test_has_companion_when_unresolved if {
	opaque := {"address": "aws_s3_bucket_versioning.d", "type": "aws_s3_bucket_versioning", "config": {"bucket": {"$unknown": "var.b"}}, "references": []}
	s3.has_companion(bucket, "aws_s3_bucket_versioning") with input as {"resources": [bucket, opaque]}
	not s3.has_companion(bucket, "aws_s3_bucket_versioning") with input as {"resources": [bucket, other]}
}

test_bucket_policies if {
	doc := {"Statement": []}
	pol := {"address": "aws_s3_bucket_policy.p", "type": "aws_s3_bucket_policy", "config": {"bucket": "corp-logs", "policy": doc}, "references": []}
	ps := s3.bucket_policies(bucket) with input as {"resources": [bucket, pol]}
	ps == {{"resource": pol, "path": ["policy"], "doc": doc}}
}
