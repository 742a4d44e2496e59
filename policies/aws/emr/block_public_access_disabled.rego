# METADATA
# title: EMR block public access is turned off for the account
# description: |
#   EMR block public access stops any cluster of the account and region from launching while one of
#   its security groups allows inbound traffic from 0.0.0.0/0 or ::/0 on a port that is not listed
#   as an exception. It is on by default; block_public_security_group_rules = false in
#   aws_emr_block_public_access_configuration turns it off, and from then on a cluster whose
#   security group opens, say, the YARN or Jupyter ports to the internet launches (clusters with
#   such ports open have been taken over for crypto-mining). AWS Security Hub (EMR.2) asks for the
#   setting to be on.
# related_resources:
#   - ref: https://docs.aws.amazon.com/emr/latest/ManagementGuide/emr-block-public-access.html
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/emr-controls.html#emr-2
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/emr_block_public_access_configuration
# custom:
#   id: PAL-AWS-EMR-003
#   severity: high
#   formats: [terraform]
#   resource_types: [aws_emr_block_public_access_configuration]
#   frameworks: {}
#   references: {}
#   cwe: ["CWE-284"]
#   remediation: >-
#     Set block_public_security_group_rules = true, and list in
#     permitted_public_security_group_rule_range only the ports that must be reachable from anywhere.
#   fixable: true
package palisade.aws.emr.block_public_access_disabled

# The fix sets the switch back on; the exceptions already written
# (permitted_public_security_group_rule_range) stay as they are. Clusters already running are not
# affected; a new cluster whose security groups open a port that is not an exception fails to
# launch, which is what the setting is for.

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

path := ["block_public_security_group_rules"]

deny contains result.fail_fix(r, path, msg, [result.set(path, true)]) if {
	some r in tf.resources("aws_emr_block_public_access_configuration")
	unknown.is_false(object.get(r.config, path, null))
	msg := sprintf("%s turns off EMR block public access (block_public_security_group_rules = false)", [r.address])
}
