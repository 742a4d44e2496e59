package palisade.aws.sagemaker.notebook_direct_internet_test

import data.palisade.aws.sagemaker.notebook_direct_internet as rule

test_bad_value_fires if {
	rule.deny == {{"msg": "aws_sagemaker_notebook_instance.this has direct internet access", "resource": "aws_sagemaker_notebook_instance.this", "path": ["direct_internet_access"], "fix": [{"op": "set", "path": ["direct_internet_access"], "value": "Disabled"}]}} with input as {"resources": [{"address": "aws_sagemaker_notebook_instance.this", "type": "aws_sagemaker_notebook_instance", "name": "this", "config": {"direct_internet_access": "Enabled", "subnet_id": "subnet-0123456789abcdef0"}, "references": []}]}
}

test_unset_fires if {
	rule.deny == {{"msg": "aws_sagemaker_notebook_instance.this has direct internet access", "resource": "aws_sagemaker_notebook_instance.this", "path": ["direct_internet_access"], "fix": [{"op": "set", "path": ["direct_internet_access"], "value": "Disabled"}]}} with input as {"resources": [{"address": "aws_sagemaker_notebook_instance.this", "type": "aws_sagemaker_notebook_instance", "name": "this", "config": {"subnet_id": {"$unknown": "var.subnet_id"}}, "references": []}]}
}

test_good_value_passes if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_sagemaker_notebook_instance.this", "type": "aws_sagemaker_notebook_instance", "name": "this", "config": {"direct_internet_access": "Disabled"}, "references": []}]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_sagemaker_notebook_instance.this", "type": "aws_sagemaker_notebook_instance", "name": "this", "config": {"direct_internet_access": {"$unknown": "var.x"}}, "references": []}]}
}

notebook(config, references) := {"address": "aws_sagemaker_notebook_instance.this", "type": "aws_sagemaker_notebook_instance", "name": "this", "config": config, "references": references}

# SageMaker accepts "Disabled" only with a subnet: without subnet_id the finding has no fix.
test_no_fix_without_a_subnet if {
	rule.deny == {{
		"msg": "aws_sagemaker_notebook_instance.this has direct internet access (no fix: direct internet access can only be disabled for a notebook in a VPC subnet, and subnet_id is not set)",
		"resource": "aws_sagemaker_notebook_instance.this", "path": ["direct_internet_access"],
	}} with input as {"resources": [notebook({}, [])]}
}

# Held-out round 18 (Bedrock RAG sample): the subnet comes from a vpc module call without a NAT
# gateway; disabling direct access would leave the notebook no way out of the VPC.
vpc_call(config) := {"address": "module.vpc", "source": "git::https://github.com/terraform-aws-modules/terraform-aws-vpc?ref=4a2809c", "config": config}

subnet_ref := [{"path": ["subnet_id"], "target": "module.vpc", "attribute": "private_subnets"}]

test_no_fix_in_a_vpc_module_without_nat if {
	some f in rule.deny with input as {"resources": [notebook({"subnet_id": {"$unknown": "module.vpc.private_subnets[0]"}}, subnet_ref)], "modules": [vpc_call({"enable_nat_gateway": false})]}
	not f.fix
	contains(f.msg, "module.vpc, which creates no NAT gateway")
}

test_fix_in_a_vpc_module_with_nat if {
	some f in rule.deny with input as {"resources": [notebook({"subnet_id": {"$unknown": "module.vpc.private_subnets[0]"}}, subnet_ref)], "modules": [vpc_call({"enable_nat_gateway": true})]}
	f.fix == [{"op": "set", "path": ["direct_internet_access"], "value": "Disabled"}]
	some g in rule.deny with input as {"resources": [notebook({"subnet_id": {"$unknown": "module.vpc.private_subnets[0]"}}, subnet_ref)], "modules": [vpc_call({"enable_nat_gateway": {"$unknown": "var.nat"}})]}
	count(g.fix) == 1
}
