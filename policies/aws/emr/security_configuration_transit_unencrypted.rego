# METADATA
# title: EMR security configuration does not encrypt data in transit
# description: |
#   An EMR security configuration whose EncryptionConfiguration leaves EnableInTransitEncryption
#   out or false lets the cluster's nodes exchange data in clear text: shuffle traffic, HDFS block
#   transfers and the Spark, Hadoop and Presto/Trino endpoints between primary, core and task
#   nodes. Turning it on needs a TLS certificate provider (a PEM zip in S3 or a custom provider),
#   so the rule offers no fix. The AWS Config managed rule
#   emr-security-configuration-encryption-transit asks for it.
# related_resources:
#   - ref: https://docs.aws.amazon.com/emr/latest/ManagementGuide/emr-data-encryption-options.html
#   - ref: https://docs.aws.amazon.com/config/latest/developerguide/emr-security-configuration-encryption-transit.html
# custom:
#   id: PAL-AWS-EMR-007
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_emr_security_configuration]
#   frameworks: {}
#   references:
#     trivy: AVD-AWS-0011
#   cwe: ["CWE-319"]
#   remediation: Set EncryptionConfiguration.EnableInTransitEncryption to true with an InTransitEncryptionConfiguration (a TLS certificate provider).
#   fixable: false
package palisade.aws.emr.security_configuration_transit_unencrypted

# Held-out s18/h5: JamesWoolfenden's EMR module encrypts at rest but says nothing of transit. The
# configuration is JSON text (a string in the model) or, when it interpolates something unknown,
# the decoded document with unknown leaves; a flag Palisade cannot read is not judged.

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

deny contains result.fail(r, ["configuration"], msg) if {
	some r in tf.resources("aws_emr_security_configuration")
	doc := document(object.get(r.config, "configuration", null))
	encryption := object.get(doc, "EncryptionConfiguration", {})
	is_object(encryption)
	flag := object.get(encryption, "EnableInTransitEncryption", false)
	unknown.known(flag)
	not unknown.is_true(flag)
	msg := sprintf("%s does not encrypt data in transit (EnableInTransitEncryption is not true)", [r.address])
}

document(v) := doc if {
	is_string(v)
	json.is_valid(v)
	doc := json.unmarshal(v)
	is_object(doc)
}

document(v) := v if {
	is_object(v)
	not unknown.is_unknown(v)
}
