package palisade.aws.emr.security_configuration_unencrypted_test

import data.palisade.aws.emr.security_configuration_unencrypted as rule

sc(configuration) := {"resources": [{"address": "aws_emr_security_configuration.sc", "type": "aws_emr_security_configuration", "name": "sc", "config": {"configuration": configuration}, "references": []}]}

# Both switches missing from one place: one finding naming both (two on one path would share a
# fingerprint, and baselines and SARIF could not tell them apart).
test_no_encryption_configuration_fires_once_naming_both if {
	rule.deny == {{"msg": "aws_emr_security_configuration.sc does not encrypt data at rest or in transit (EnableAtRestEncryption and EnableInTransitEncryption are not true)", "resource": "aws_emr_security_configuration.sc", "path": ["configuration"], "peers": [{"checkov": ["CKV_AWS_349"]}, {"checkov": ["CKV_AWS_351"]}]}} with input as sc(`{"AuthenticationConfiguration": {}}`)
	rule.deny == {{"msg": "aws_emr_security_configuration.sc does not encrypt data at rest or in transit (EnableAtRestEncryption and EnableInTransitEncryption are not true)", "resource": "aws_emr_security_configuration.sc", "path": ["configuration", "EncryptionConfiguration"], "peers": [{"checkov": ["CKV_AWS_349"]}, {"checkov": ["CKV_AWS_351"]}]}} with input as sc(`{"EncryptionConfiguration": {}}`)
}

test_both_switches_off_fire_on_each if {
	count(rule.deny) == 2 with input as sc(`{"EncryptionConfiguration": {"EnableAtRestEncryption": false, "EnableInTransitEncryption": false}}`)
}

test_switch_off_fires_on_the_switch if {
	rule.deny == {{"msg": "aws_emr_security_configuration.sc does not encrypt data in transit (EnableInTransitEncryption is not true)", "resource": "aws_emr_security_configuration.sc", "path": ["configuration", "EncryptionConfiguration", "EnableInTransitEncryption"], "peers": [{"checkov": ["CKV_AWS_351"]}]}} with input as sc(`{"EncryptionConfiguration": {"EnableAtRestEncryption": true, "EnableInTransitEncryption": false}}`)
}

test_missing_switch_fires_on_the_encryption_configuration if {
	rule.deny == {{"msg": "aws_emr_security_configuration.sc does not encrypt data at rest (EnableAtRestEncryption is not true)", "resource": "aws_emr_security_configuration.sc", "path": ["configuration", "EncryptionConfiguration"], "peers": [{"checkov": ["CKV_AWS_349"]}]}} with input as sc({"EncryptionConfiguration": {"EnableInTransitEncryption": true}})
}

test_both_on_passes if {
	count(rule.deny) == 0 with input as sc(`{"EncryptionConfiguration": {"EnableAtRestEncryption": true, "EnableInTransitEncryption": true}}`)
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as sc({"$unknown": "var.security_configuration"})
	count(rule.deny) == 0 with input as sc({"EncryptionConfiguration": {"$unknown": "local.encryption"}})
	count(rule.deny) == 0 with input as sc({"EncryptionConfiguration": {"EnableAtRestEncryption": {"$unknown": "var.a"}, "EnableInTransitEncryption": {"$unknown": "var.b"}}})
}

# At-rest encryption that names only S3 (EMRFS) leaves the cluster's local disks and EBS volumes
# (HDFS, shuffle and spill data) in the clear: reported on the AtRestEncryptionConfiguration.
test_at_rest_without_local_disk_fires_on_the_at_rest_configuration if {
	rule.deny == {{"msg": "aws_emr_security_configuration.sc encrypts data at rest in S3 only, not on the cluster's local disks (AtRestEncryptionConfiguration has no LocalDiskEncryptionConfiguration)", "resource": "aws_emr_security_configuration.sc", "path": ["configuration", "EncryptionConfiguration", "AtRestEncryptionConfiguration"], "peers": [{"checkov": ["CKV_AWS_349"]}]}} with input as sc(`{"EncryptionConfiguration": {"EnableAtRestEncryption": true, "EnableInTransitEncryption": true, "AtRestEncryptionConfiguration": {"S3EncryptionConfiguration": {"EncryptionMode": "SSE-S3"}}}}`)
}

test_at_rest_with_local_disk_passes if {
	count(rule.deny) == 0 with input as sc(`{"EncryptionConfiguration": {"EnableAtRestEncryption": true, "EnableInTransitEncryption": true, "AtRestEncryptionConfiguration": {"S3EncryptionConfiguration": {"EncryptionMode": "SSE-S3"}, "LocalDiskEncryptionConfiguration": {"EncryptionKeyProviderType": "AwsKms", "AwsKmsKey": "arn:aws:kms:us-east-1:123456789012:key/k"}}}}`)
}

# At rest off is already reported on the switch; an unknown AtRestEncryptionConfiguration or
# local disk entry may well hold the local disk settings.
test_local_disk_not_judged_when_off_or_unknown if {
	count(rule.deny) == 1 with input as sc(`{"EncryptionConfiguration": {"EnableAtRestEncryption": false, "EnableInTransitEncryption": true, "AtRestEncryptionConfiguration": {"S3EncryptionConfiguration": {"EncryptionMode": "SSE-S3"}}}}`)
	count(rule.deny) == 0 with input as sc({"EncryptionConfiguration": {"EnableAtRestEncryption": true, "EnableInTransitEncryption": true, "AtRestEncryptionConfiguration": {"$unknown": "var.at_rest"}}})
	count(rule.deny) == 0 with input as sc({"EncryptionConfiguration": {"EnableAtRestEncryption": true, "EnableInTransitEncryption": true, "AtRestEncryptionConfiguration": {"S3EncryptionConfiguration": {"EncryptionMode": "SSE-S3"}, "LocalDiskEncryptionConfiguration": {"$unknown": "var.local"}}}})
}
