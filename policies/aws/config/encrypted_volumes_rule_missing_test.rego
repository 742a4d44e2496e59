package palisade.aws.config.encrypted_volumes_rule_missing_test

import data.palisade.aws.config.encrypted_volumes_rule_missing as rule

test_fires_without_rule if {
	rule.warn == {{"msg": "the AWS Config rules of this module do not include ENCRYPTED_VOLUMES (unencrypted EBS volumes go unreported)", "resource": "aws_config_config_rule.password", "path": [], "fix": [{"op": "add_resource", "type": "aws_config_config_rule", "name": "encrypted_volumes", "config": {"name": "encrypted-volumes", "source": [{"owner": "AWS", "source_identifier": "ENCRYPTED_VOLUMES"}]}}]}} with input as {"resources": [{"address": "aws_config_config_rule.password", "type": "aws_config_config_rule", "name": "password", "config": {"source": [{"owner": "AWS", "source_identifier": "IAM_PASSWORD_POLICY"}]}, "references": []}]}
}

test_passes_with_rule if {
	count(rule.warn) == 0 with input as {"resources": [{"address": "aws_config_config_rule.password", "type": "aws_config_config_rule", "name": "password", "config": {"source": [{"owner": "AWS", "source_identifier": "IAM_PASSWORD_POLICY"}]}, "references": []}, {"address": "aws_config_config_rule.ebs", "type": "aws_config_config_rule", "name": "ebs", "config": {"source": [{"owner": "AWS", "source_identifier": "ENCRYPTED_VOLUMES"}]}, "references": []}]}
}

test_unknown_does_not_fire if {
	count(rule.warn) == 0 with input as {"resources": [{"address": "aws_config_config_rule.password", "type": "aws_config_config_rule", "name": "password", "config": {"source": [{"owner": "AWS", "source_identifier": {"$unknown": "var.x"}}]}, "references": []}]}
}

test_organization_rule_or_conformance_pack_checks_volumes if {
	other := {"address": "aws_config_config_rule.v", "type": "aws_config_config_rule", "name": "v", "config": {"source": [{"owner": "AWS", "source_identifier": "S3_BUCKET_VERSIONING_ENABLED"}]}, "references": []}
	org := {"address": "aws_config_organization_managed_rule.e", "type": "aws_config_organization_managed_rule", "name": "e", "config": {"rule_identifier": "ENCRYPTED_VOLUMES"}, "references": []}
	pack := {"address": "aws_config_conformance_pack.p", "type": "aws_config_conformance_pack", "name": "p", "config": {"template_body": "Resources:\n  EncryptedVolumes:\n    Type: AWS::Config::ConfigRule\n    Properties:\n      Source:\n        Owner: AWS\n        SourceIdentifier: ENCRYPTED_VOLUMES\n"}, "references": []}
	count(rule.warn) == 0 with input as {"resources": [other, org]}
	count(rule.warn) == 0 with input as {"resources": [other, pack]}
	count(rule.warn) == 1 with input as {"resources": [other]}
}

test_foundational_standard_checks_volumes if {
	other := {"address": "aws_config_config_rule.mfa", "type": "aws_config_config_rule", "name": "mfa", "config": {"source": [{"owner": "AWS", "source_identifier": "MFA_ENABLED_FOR_IAM_CONSOLE_ACCESS"}]}, "references": []}
	fsbp := {"address": "module.hub.aws_securityhub_standards_subscription.aws_foundational[0]", "type": "aws_securityhub_standards_subscription", "name": "aws_foundational", "config": {"standards_arn": {"$unknown": "\"arn:aws:securityhub:${data.aws_region.current.name}::standards/aws-foundational-security-best-practices/v/1.0.0\""}}, "references": []}
	literal := json.patch(fsbp, [{"op": "replace", "path": "/config/standards_arn", "value": "arn:aws:securityhub:eu-west-1::standards/aws-foundational-security-best-practices/v/1.0.0"}])
	count(rule.warn) == 0 with input as {"resources": [other, fsbp]}
	count(rule.warn) == 0 with input as {"resources": [other, literal]}
}

# CIS v1.2.0 has no EBS encryption control, and an unknown standard may be any of them.
test_other_standards_do_not_check_volumes if {
	other := {"address": "aws_config_config_rule.mfa", "type": "aws_config_config_rule", "name": "mfa", "config": {"source": [{"owner": "AWS", "source_identifier": "MFA_ENABLED_FOR_IAM_CONSOLE_ACCESS"}]}, "references": []}
	cis := {"address": "aws_securityhub_standards_subscription.cis", "type": "aws_securityhub_standards_subscription", "name": "cis", "config": {"standards_arn": "arn:aws:securityhub:::ruleset/cis-aws-foundations-benchmark/v/1.2.0"}, "references": []}
	opaque := {"address": "aws_securityhub_standards_subscription.x", "type": "aws_securityhub_standards_subscription", "name": "x", "config": {"standards_arn": {"$unknown": "var.standard_arn"}}, "references": []}
	count(rule.warn) == 1 with input as {"resources": [other, cis]}
	count(rule.warn) == 1 with input as {"resources": [other, opaque]}
}
