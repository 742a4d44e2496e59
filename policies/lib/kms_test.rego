package palisade.lib.kms_test

import data.palisade.lib.kms

test_aws_managed_alias_by_name_or_arn if {
	kms.aws_managed_alias("alias/aws/secretsmanager")
	kms.aws_managed_alias("arn:aws:kms:us-east-1:111122223333:alias/aws/sns")
	not kms.aws_managed_alias("alias/awsome")
	not kms.aws_managed_alias("alias/team/aws/key")
}

test_aws_managed_through_a_data_source if {
	d := {"address": "data.aws_kms_alias.m", "type": "aws_kms_alias", "mode": "data", "name": "m", "config": {"name": "alias/aws/s3"}, "references": []}
	r := {"address": "aws_x.this", "type": "aws_x", "config": {"k": {"$unknown": "data.aws_kms_alias.m.target_key_arn"}}, "references": [{"path": ["k"], "target": "data.aws_kms_alias.m"}]}
	kms.aws_managed(r, ["k"]) with input as {"resources": [r], "data": [d]}
	not kms.aws_managed(r, ["other"]) with input as {"resources": [r], "data": [d]}
}
