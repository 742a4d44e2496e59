# METADATA
# title: Default VPC is in use
# description: |
#   The default VPC has a public subnet in every Availability Zone and an internet gateway, so
#   anything launched into it gets a public IP and an internet route unless someone remembers to
#   prevent it. Workloads belong in purpose-built VPCs; the default VPC should be deleted.
# related_resources:
#   - ref: https://docs.aws.amazon.com/vpc/latest/userguide/default-vpc.html
# custom:
#   id: PAL-AWS-VPC-010
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_default_vpc]
#   references:
#     checkov: CKV_AWS_148
#     trivy: AVD-AWS-0101
#     kics: 96ed3526-0179-4c73-b1b2-372fde2e0d13
#   cwe: ["CWE-1188"]
#   remediation: Build a dedicated aws_vpc and delete the default VPC (force_destroy = true on aws_default_vpc, then remove it).
#   fixable: true
package palisade.aws.vpc.default_vpc_in_use

import data.palisade.lib.fixes
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

# Advisory: adopting the default VPC with force_destroy = true is the first step of deleting it.
# The fix sets force_destroy, so destroying this resource deletes the VPC; nothing changes before.
# Inside a child module (terraform-aws-vpc's manage_default_vpc) the edit would land in code every
# caller shares, so each caller's next destroy would delete its account's default VPC without
# having asked: no fix there, the finding stays (H12 fix review, real-terraform's vpc module).
# Nor on one instance of a count/for_each resource: the count is a switch the configuration flips in
# ordinary use (nozaq's vpc-baseline: `count = var.enabled ? 1 : 0`, enabled per region from
# target_regions), and with force_destroy, switching it off deletes the account's default VPC in
# that region (held-out round 17; the module directory scanned on its own has no module prefix).
warn contains fixes.finding(r, [], msg, ops) if {
	some r in tf.resources("aws_default_vpc")
	not destroying(r)
	msg := sprintf("%s brings the account's default VPC under management instead of removing it", [r.address])
	ops := [op | not r.module; not r.index; not r.unexpanded; op := result.set(["force_destroy"], true)]
}

destroying(r) if unknown.is_true(r.config.force_destroy)

destroying(r) if unknown.is_unknown(r.config.force_destroy)
