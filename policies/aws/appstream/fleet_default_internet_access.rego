# METADATA
# title: AppStream fleet gives its streaming instances default internet access
# description: |
#   With enable_default_internet_access = true, AppStream 2.0 gives each streaming instance of the
#   fleet a public IP address in a public subnet, so users' sessions reach the internet directly,
#   outside the VPC's egress controls (NAT gateway, network firewall, proxy), and the instances are
#   addressable from the internet through their security groups. AWS recommends private subnets
#   with a NAT gateway for fleets that need the internet. No fix: turning it off leaves a fleet in
#   subnets without a NAT gateway with no internet access at all.
# related_resources:
#   - ref: https://docs.aws.amazon.com/appstream2/latest/developerguide/internet-access.html
#   - ref: https://docs.aws.amazon.com/appstream2/latest/APIReference/API_CreateFleet.html
# custom:
#   id: PAL-AWS-APPSTREAM-001
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_appstream_fleet]
#   frameworks: {}
#   references: {}
#   cwe: ["CWE-668"]
#   remediation: >-
#     Set enable_default_internet_access = false and place the fleet in private subnets whose
#     route table sends internet traffic through a NAT gateway.
#   fixable: false
package palisade.aws.appstream.fleet_default_internet_access

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

# Round 44 (ElectricEye's AppStream.1 reads the fleet's EnableDefaultInternetAccess). The API's
# default is false: only a value known to be true is reported.
deny contains result.fail(r, ["enable_default_internet_access"], msg) if {
	some r in tf.resources("aws_appstream_fleet")
	unknown.is_true(object.get(r.config, "enable_default_internet_access", false))
	msg := sprintf("%s gives its streaming instances public IP addresses (enable_default_internet_access = true)", [r.address])
}
