# METADATA
# title: WorkSpaces directory gives new WorkSpaces direct internet access
# description: |
#   With workspace_creation_properties enable_internet_access = true, every WorkSpace created in
#   the directory gets a public IP address in its subnet, so it is reachable from the internet
#   through its security group and reaches the internet without the VPC's egress controls (NAT
#   gateway, network firewall, proxy). AWS recommends private subnets with a NAT gateway for
#   WorkSpaces that need the internet. No fix: turning it off leaves WorkSpaces in subnets without
#   a NAT gateway with no internet access at all.
# related_resources:
#   - ref: https://docs.aws.amazon.com/workspaces/latest/adminguide/amazon-workspaces-internet-access.html
#   - ref: https://docs.aws.amazon.com/workspaces/latest/api/API_WorkspaceCreationProperties.html
# custom:
#   id: PAL-AWS-WORKSPACES-002
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_workspaces_directory]
#   frameworks: {}
#   references: {}
#   cwe: ["CWE-668"]
#   remediation: >-
#     Set enable_internet_access = false and give the WorkSpaces' subnets a route through a NAT
#     gateway if they need the internet.
#   fixable: false
package palisade.aws.workspaces.directory_internet_access

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

# Round 44 (ElectricEye's WorkSpaces.4 reads the directory's EnableInternetAccess). The provider's
# default is false: only a value known to be true is reported.
deny contains result.fail(r, path, msg) if {
	some r in tf.resources("aws_workspaces_directory")
	some i, props in tf.blocks(r, "workspace_creation_properties")
	unknown.is_true(object.get(props, "enable_internet_access", false))
	path := ["workspace_creation_properties", i, "enable_internet_access"]
	msg := sprintf("%s gives the WorkSpaces it creates public IP addresses (enable_internet_access = true)", [r.address])
}
