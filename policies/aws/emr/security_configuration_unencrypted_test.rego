package palisade.aws.emr.security_configuration_unencrypted_test

import data.palisade.aws.emr.security_configuration_unencrypted as rule

sc(configuration) := {"resources": [{"address": "aws_emr_security_configuration.sc", "type": "aws_emr_security_configuration", "name": "sc", "config": {"configuration": configuration}, "references": []}]}

# Both switches missing from one place: one finding naming both (two on one path would share a
# fingerprint, and baselines and SARIF could not tell them apart).
test_no_encryption_configuration_fires_once_naming_both if {
	rule.deny == {{"msg": "aws_emr_security_configuration.sc does not encrypt data at rest or in transit (EnableAtRestEncryption and EnableInTransitEncryption are not true)", "resource": "aws_emr_security_configuration.sc", "path": ["configuration"]}} with input as sc(`{"AuthenticationConfiguration": {}}`)
	rule.deny == {{"msg": "aws_emr_security_configuration.sc does not encrypt data at rest or in transit (EnableAtRestEncryption and EnableInTransitEncryption are not true)", "resource": "aws_emr_security_configuration.sc", "path": ["configuration", "EncryptionConfiguration"]}} with input as sc(`{"EncryptionConfiguration": {}}`)
}

test_both_switches_off_fire_on_each if {
	count(rule.deny) == 2 with input as sc(`{"EncryptionConfiguration": {"EnableAtRestEncryption": false, "EnableInTransitEncryption": false}}`)
}

test_switch_off_fires_on_the_switch if {
	rule.deny == {{"msg": "aws_emr_security_configuration.sc does not encrypt data in transit (EnableInTransitEncryption is not true)", "resource": "aws_emr_security_configuration.sc", "path": ["configuration", "EncryptionConfiguration", "EnableInTransitEncryption"]}} with input as sc(`{"EncryptionConfiguration": {"EnableAtRestEncryption": true, "EnableInTransitEncryption": false}}`)
}

test_missing_switch_fires_on_the_encryption_configuration if {
	rule.deny == {{"msg": "aws_emr_security_configuration.sc does not encrypt data at rest (EnableAtRestEncryption is not true)", "resource": "aws_emr_security_configuration.sc", "path": ["configuration", "EncryptionConfiguration"]}} with input as sc({"EncryptionConfiguration": {"EnableInTransitEncryption": true}})
}

test_both_on_passes if {
	count(rule.deny) == 0 with input as sc(`{"EncryptionConfiguration": {"EnableAtRestEncryption": true, "EnableInTransitEncryption": true}}`)
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as sc({"$unknown": "var.security_configuration"})
	count(rule.deny) == 0 with input as sc({"EncryptionConfiguration": {"$unknown": "local.encryption"}})
	count(rule.deny) == 0 with input as sc({"EncryptionConfiguration": {"EnableAtRestEncryption": {"$unknown": "var.a"}, "EnableInTransitEncryption": {"$unknown": "var.b"}}})
}
