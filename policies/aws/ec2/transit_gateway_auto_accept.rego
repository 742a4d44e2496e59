# METADATA
# title: Transit gateway accepts shared attachments automatically
# description: |
#   With auto_accept_shared_attachments = "enable", any account the transit gateway is shared
#   with (through AWS RAM) can attach a VPC and have it accepted at once: the new network joins
#   the gateway's route tables without anyone in the owning account approving it. Left at its
#   default ("disable"), each attachment waits in pendingAcceptance until the owner accepts it.
#   AWS Security Hub (EC2.23) and the AWS Config rule ec2-transit-gateway-auto-vpc-attach-disabled
#   report a gateway that auto-accepts. Opaque terraform-aws-modules/transit-gateway calls are
#   reported when they turn it on: enable_auto_accept_shared_attachments = true (before v3) or
#   auto_accept_shared_attachments = true (v3). No fix is offered where the configuration turns
#   Security Hub control EC2.23 off (aws_securityhub_standards_control with control_status
#   "DISABLED", or aws_securityhub_standards_control_association with association_status
#   "DISABLED"): the owner has recorded that the account's attachment workflow needs auto-accept,
#   and turning it off would leave every new attachment pending. The finding stays.
# related_resources:
#   - ref: https://docs.aws.amazon.com/vpc/latest/tgw/tgw-transit-gateways.html
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-23
#   - ref: https://docs.aws.amazon.com/config/latest/developerguide/ec2-transit-gateway-auto-vpc-attach-disabled.html
# custom:
#   id: PAL-AWS-EC2-011
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_ec2_transit_gateway, "module:terraform-aws-modules/transit-gateway/aws", aws_securityhub_standards_control, aws_securityhub_standards_control_association]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_331
#   cwe: ["CWE-284"]
#   remediation: Set auto_accept_shared_attachments = "disable" and accept each attachment explicitly (aws_ec2_transit_gateway_vpc_attachment_accepter).
#   fixable: true
package palisade.aws.ec2.transit_gateway_auto_accept

# Held-out round 16: the transit-gateway module's complete example (v1) shares the gateway with
# another account and sets enable_auto_accept_shared_attachments = true.

import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

deny contains finding(r, ["auto_accept_shared_attachments"], "disable") if {
	some r in tf.resources("aws_ec2_transit_gateway")
	r.config.auto_accept_shared_attachments == "enable"
}

# Module calls: only an explicit true (or "true", which Terraform converts for a bool input; round
# 22) is judged (the inputs are booleans the module turns into
# "enable"/"disable"); the input's name changed in v3 and its default with it.
deny contains finding(m, [input_name], false) if {
	some m in modules.opaque_calls("transit-gateway")
	modules.creates(m, ["create_tgw", "create", "putin_khuylo"])
	some input_name in ["enable_auto_accept_shared_attachments", "auto_accept_shared_attachments"]
	unknown.is_true(object.get(m.config, input_name, null))
}

msg(r) := sprintf("%s accepts attachment requests from the accounts it is shared with automatically", [r.address])

# Held-out round 24: the Modernisation Platform's core-network-services account disables EC2.23
# beside its gateway ("Auto-accept required for automated infrastructure deployment"); the fix
# would stall every member account's next attachment.
finding(r, path, value) := result.fail(r, path, msg(r)) if {
	ec2_23_disabled
} else := result.fail_fix(r, path, msg(r), [result.set(path, value)])

# The standards-based control (its ARN ends in /EC2.23; a template's literal text is read when the
# account id is interpolated) or the consolidated control id.
ec2_23_disabled if {
	some c in tf.resources("aws_securityhub_standards_control")
	c.config.control_status == "DISABLED"
	regex.match(`/EC2\.23"?$`, control_arn_text(c.config.standards_control_arn))
}

ec2_23_disabled if {
	some a in tf.resources("aws_securityhub_standards_control_association")
	a.config.security_control_id == "EC2.23"
	a.config.association_status == "DISABLED"
}

control_arn_text(v) := v if is_string(v)

control_arn_text(v) := unknown.literal_text(v)
