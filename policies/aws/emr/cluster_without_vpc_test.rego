package palisade.aws.emr.cluster_without_vpc_test

import data.palisade.aws.emr.cluster_without_vpc as rule

test_fires_without_subnet if {
	rule.deny == {{"msg": "aws_emr_cluster.etl is not launched into a VPC subnet", "resource": "aws_emr_cluster.etl", "path": []}} with input as {"resources": [{"address": "aws_emr_cluster.etl", "type": "aws_emr_cluster", "name": "etl", "config": {"name": "etl", "ec2_attributes": [{"instance_profile": "p"}]}, "references": []}]}
}

test_fires_without_attributes if {
	rule.deny == {{"msg": "aws_emr_cluster.etl is not launched into a VPC subnet", "resource": "aws_emr_cluster.etl", "path": []}} with input as {"resources": [{"address": "aws_emr_cluster.etl", "type": "aws_emr_cluster", "name": "etl", "config": {"name": "etl"}, "references": []}]}
}

test_passes_with_subnet if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_emr_cluster.etl", "type": "aws_emr_cluster", "name": "etl", "config": {"ec2_attributes": [{"subnet_id": "subnet-1"}]}, "references": []}]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_emr_cluster.etl", "type": "aws_emr_cluster", "name": "etl", "config": {"ec2_attributes": {"$unknown": "var.x"}}, "references": []}]}
}
