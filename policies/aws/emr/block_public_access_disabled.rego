# METADATA
# title: EMR block public access is turned off for the account
# description: |
#   EMR block public access stops any cluster of the account and region from launching while one of
#   its security groups allows inbound traffic from 0.0.0.0/0 or ::/0 on a port that is not listed
#   as an exception. It is on by default; block_public_security_group_rules = false in
#   aws_emr_block_public_access_configuration turns it off, and from then on a cluster whose
#   security group opens, say, the YARN or Jupyter ports to the internet launches (clusters with
#   such ports open have been taken over for crypto-mining). AWS Security Hub (EMR.2) asks for the
#   setting to be on. An exception range (permitted_public_security_group_rule_range) that takes in
#   an EMR web interface or another sensitive service (anything but SSH, the default exception, as
#   0-65535 does) lets such clusters launch again and is reported too; AWS Config's
#   emr-block-public-access rule likewise accepts no exception but port 22.
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

import data.palisade.lib.net
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

path := ["block_public_security_group_rules"]

deny contains result.fail_fix(r, path, msg, [result.set(path, true)]) if {
	some r in tf.resources("aws_emr_block_public_access_configuration")
	unknown.is_false(object.get(r.config, path, null))
	msg := sprintf("%s turns off EMR block public access (block_public_security_group_rules = false)", [r.address])
}

# A range of exceptions that admits a service which must not face the internet. No fix: narrowing
# the range could stop a cluster that needs one of those ports from launching, so the owner decides.
deny contains result.fail(r, ["permitted_public_security_group_rule_range", i], msg) if {
	some r in tf.resources("aws_emr_block_public_access_configuration")
	not unknown.is_false(object.get(r.config, path, null))
	some i, range in tf.blocks(r, "permitted_public_security_group_rule_range")
	exposed := net.exposed_services("tcp", object.get(range, "min_range", null), object.get(range, "max_range", null), exposed_ports)
	count(exposed) > 0
	msg := sprintf("%s lets clusters launch with %s open to the internet (permitted_public_security_group_rule_range %v-%v)", [r.address, concat(", ", exposed), range.min_range, range.max_range])
}

# The EMR web interfaces AWS documents (ResourceManager, NodeManager, HDFS NameNode, Spark history
# server, Hue, Zeppelin, JupyterHub, Livy, HBase, the YARN web proxy) and the pack's sensitive
# services, less SSH: port 22 is EMR's own default exception.
emr_ui_ports := {
	8042: "YARN NodeManager", 8088: "YARN ResourceManager", 8888: "Hue", 8890: "Zeppelin",
	8998: "Livy", 9443: "JupyterHub", 9870: "HDFS NameNode", 16010: "HBase", 18080: "Spark history server",
	20888: "YARN web proxy", 50070: "HDFS NameNode",
}

exposed_ports := object.union(object.remove(net.sensitive_ports, [22]), emr_ui_ports)
