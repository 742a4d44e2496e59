package palisade.aws.sagemaker.domain_direct_internet_test

import data.palisade.aws.sagemaker.domain_direct_internet as rule

domain(config) := {"resources": [{"address": "aws_sagemaker_domain.studio", "type": "aws_sagemaker_domain", "name": "studio", "config": object.union({"domain_name": "studio", "auth_mode": "IAM", "vpc_id": "vpc-0123456789abcdef0", "subnet_ids": ["subnet-0123456789abcdef0"]}, config), "references": []}]}

finding := {"msg": "aws_sagemaker_domain.studio gives its Studio apps direct internet access, outside the domain's VPC (app_network_access_type is not \"VpcOnly\")", "resource": "aws_sagemaker_domain.studio", "path": ["app_network_access_type"]}

# Unset means PublicInternetOnly (the provider's and the API's default).
test_unset_and_public_fire if {
	rule.deny == {finding} with input as domain({})
	rule.deny == {finding} with input as domain({"app_network_access_type": "PublicInternetOnly"})
}

test_vpc_only_and_unknown_pass if {
	count(rule.deny) == 0 with input as domain({"app_network_access_type": "VpcOnly"})
	count(rule.deny) == 0 with input as domain({"app_network_access_type": {"$unknown": "var.network_access"}})
}
