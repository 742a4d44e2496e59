package palisade.aws.sagemaker.model_network_isolation_disabled_test

import data.palisade.aws.sagemaker.model_network_isolation_disabled as rule

model(extra) := {"address": "aws_sagemaker_model.m", "type": "aws_sagemaker_model", "name": "m", "config": object.union({"execution_role_arn": "arn:aws:iam::111122223333:role/sm", "primary_container": [{"image": "111122223333.dkr.ecr.eu-west-1.amazonaws.com/m:1"}]}, extra), "references": []}

msg := "aws_sagemaker_model.m does not isolate its containers from the network (enable_network_isolation is not true)"

test_warns_when_unset_or_false if {
	rule.warn == {{"msg": msg, "resource": "aws_sagemaker_model.m", "path": []}} with input as {"resources": [model({})]}
	rule.warn == {{"msg": msg, "resource": "aws_sagemaker_model.m", "path": ["enable_network_isolation"]}} with input as {"resources": [model({"enable_network_isolation": false})]}
}

test_passes_when_true_or_unknown if {
	count(rule.warn) == 0 with input as {"resources": [model({"enable_network_isolation": true})]}
	count(rule.warn) == 0 with input as {"resources": [model({"enable_network_isolation": {"$unknown": "var.isolate"}})]}
}
