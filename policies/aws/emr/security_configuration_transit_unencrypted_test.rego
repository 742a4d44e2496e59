package palisade.aws.emr.security_configuration_transit_unencrypted_test

import data.palisade.aws.emr.security_configuration_transit_unencrypted as rule

config(c) := {"resources": [{"address": "aws_emr_security_configuration.sc", "type": "aws_emr_security_configuration", "name": "sc", "config": {"name": "sc", "configuration": c}, "references": []}]}

# JamesWoolfenden's EMR module (held-out s18/h5): at rest only.
at_rest_only := `{"EncryptionConfiguration": {"EnableAtRestEncryption": true, "AtRestEncryptionConfiguration": {"S3EncryptionConfiguration": {"EncryptionMode": "SSE-S3"}}}}`

test_missing_flag_fires if {
	rule.deny == {{
		"msg": "aws_emr_security_configuration.sc does not encrypt data in transit (EnableInTransitEncryption is not true)",
		"resource": "aws_emr_security_configuration.sc", "path": ["configuration"],
	}} with input as config(at_rest_only)
}

test_false_flag_fires if {
	count(rule.deny) == 1 with input as config(`{"EncryptionConfiguration": {"EnableInTransitEncryption": false, "EnableAtRestEncryption": false}}`)
}

# The decoded form (a configuration that interpolates something unknown elsewhere).
test_decoded_document_fires if {
	key := {"$unknown": "aws_kms_key.emr.arn"}
	doc := {"EncryptionConfiguration": {"EnableInTransitEncryption": false, "AtRestEncryptionConfiguration": {"LocalDiskEncryptionConfiguration": {"AwsKmsKey": key}}}}
	count(rule.deny) == 1 with input as config(doc)
}

test_transit_encryption_passes if {
	count(rule.deny) == 0 with input as config(`{"EncryptionConfiguration": {"EnableInTransitEncryption": true, "InTransitEncryptionConfiguration": {"TLSCertificateConfiguration": {"CertificateProviderType": "PEM", "S3Object": "s3://certs/certs.zip"}}}}`)
}

# A configuration without EncryptionConfiguration (authentication only) encrypts nothing either.
test_configuration_without_encryption_fires if {
	count(rule.deny) == 1 with input as config(`{"AuthenticationConfiguration": {}}`)
}

# A flag or a document Palisade cannot read is not judged.
test_unreadable_passes if {
	count(rule.deny) == 0 with input as config({"EncryptionConfiguration": {"EnableInTransitEncryption": {"$unknown": "var.transit"}}})
	count(rule.deny) == 0 with input as config({"$unknown": "file(\"sc.json\")"})
}
