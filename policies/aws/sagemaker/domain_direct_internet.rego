# METADATA
# title: SageMaker domain gives Studio apps direct internet access
# description: |
#   With app_network_access_type "PublicInternetOnly" (the default when it is not set) the Studio
#   apps of an aws_sagemaker_domain send non-EFS traffic through a SageMaker-managed VPC with direct
#   internet access, not through the domain's own VPC: the VPC's security groups, network ACLs,
#   VPC endpoint policies and egress controls do not apply, and data can leave from any notebook.
#   "VpcOnly" routes all traffic through the domain's subnets, where the internet is reachable only
#   through a NAT gateway you control and AWS services through VPC endpoints. AWS Config's
#   sagemaker-domain-in-vpc managed rule asks for VpcOnly.
# related_resources:
#   - ref: https://docs.aws.amazon.com/sagemaker/latest/dg/studio-notebooks-and-internet-access.html
#   - ref: https://docs.aws.amazon.com/config/latest/developerguide/sagemaker-domain-in-vpc.html
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/sagemaker_domain#app_network_access_type
# custom:
#   id: PAL-AWS-SAGEMAKER-006
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_sagemaker_domain]
#   frameworks: {}
#   cwe: ["CWE-668"]
#   remediation: >-
#     Set app_network_access_type = "VpcOnly" once the domain's subnets reach the SageMaker API and
#     runtime (VPC endpoints or a NAT gateway) and its security groups allow traffic between apps.
#   fixable: false
package palisade.aws.sagemaker.domain_direct_internet

# No fix: in VpcOnly mode Studio works only when the domain's subnets reach the SageMaker API,
# runtime and every other service the apps call (interface endpoints or a NAT gateway) and the
# security groups allow NFS to EFS and traffic between apps. None of that can be read from the
# domain alone, and switching without it leaves Studio unable to start apps.

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

deny contains result.fail(r, ["app_network_access_type"], msg) if {
	some r in tf.resources("aws_sagemaker_domain")
	public_access(object.get(r.config, "app_network_access_type", null))
	msg := sprintf("%s gives its Studio apps direct internet access, outside the domain's VPC (app_network_access_type is not \"VpcOnly\")", [r.address])
}

public_access(null)

public_access(v) if unknown.known_string(v) == "PublicInternetOnly"
