package palisade.lib.result_test

import data.palisade.lib.result

bucket := {"address": "aws_s3_bucket.logs", "type": "aws_s3_bucket", "name": "logs", "config": {}, "references": []}

test_fail_shape if {
	result.fail(bucket, ["acl"], "m") == {"msg": "m", "resource": "aws_s3_bucket.logs", "path": ["acl"]}
}

test_fail_fix_shape if {
	f := result.fail_fix(bucket, ["acl"], "m", [result.set(["acl"], "private")])
	f == {
		"msg": "m", "resource": "aws_s3_bucket.logs", "path": ["acl"],
		"fix": [{"op": "set", "path": ["acl"], "value": "private"}],
	}
}

test_related if {
	f := result.with_related(result.fail(bucket, [], "m"), [result.related(bucket, ["bucket"], "here")])
	f.related == [{"resource": "aws_s3_bucket.logs", "path": ["bucket"], "msg": "here"}]
}

test_with_peers_is_one_part if {
	f := result.with_peers(result.fail(bucket, [], "m"), {"checkov": ["CKV_AWS_1"]})
	f.peers == [{"checkov": ["CKV_AWS_1"]}]
	f.msg == "m"
}

test_with_peer_parts_keeps_every_part if {
	f := result.with_peer_parts(result.fail(bucket, [], "m"), [{"checkov": ["CKV_AWS_1"]}, {"checkov": ["CKV_AWS_2"]}])
	count(f.peers) == 2
}

test_ops if {
	result.remove(["a"]) == {"op": "remove", "path": ["a"]}
	result.add_block([], "metadata_options", {"http_tokens": "required"}) == {
		"op": "add_block", "path": [], "type": "metadata_options",
		"config": {"http_tokens": "required"},
	}
	result.add_resource("t", "n", {"bucket": result.expr("aws_s3_bucket.logs.id")}) == {
		"op": "add_resource", "type": "t", "name": "n",
		"config": {"bucket": {"$expr": "aws_s3_bucket.logs.id"}},
	}
}
