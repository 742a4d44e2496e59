# METADATA
# title: EMR security configuration does not encrypt data at rest or in transit
# description: |
#   An EMR security configuration's EncryptionConfiguration decides whether the clusters that use
#   it encrypt data at rest (EMRFS data in S3, local disks and EBS volumes) and in transit (TLS
#   between the nodes of Hadoop, Spark, Tez and Presto). Each is off unless
#   EnableAtRestEncryption / EnableInTransitEncryption is true; a configuration without
#   EncryptionConfiguration encrypts nothing. Unencrypted shuffle data and disks expose what the
#   cluster processes to anyone who can read the network or a volume or snapshot. AWS Security Hub
#   asks for both (EMR.3 at rest, EMR.4 in transit); each is reported where it is off. At-rest
#   encryption whose AtRestEncryptionConfiguration names S3 only (no LocalDiskEncryptionConfiguration)
#   encrypts EMRFS objects but leaves the cluster's instance store and EBS volumes (HDFS, shuffle and
#   spill data) in the clear, and is reported too (AWS Control Tower CT.EMR.PR.3 asks for local disk
#   encryption).
# related_resources:
#   - ref: https://docs.aws.amazon.com/emr/latest/ManagementGuide/emr-data-encryption-options.html
#   - ref: https://docs.aws.amazon.com/emr/latest/ManagementGuide/emr-create-security-configuration.html
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/emr-controls.html#emr-3
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/emr-controls.html#emr-4
#   - ref: https://docs.aws.amazon.com/controltower/latest/controlreference/emr-rules.html
# custom:
#   id: PAL-AWS-EMR-002
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_emr_security_configuration]
#   frameworks: {}
#   references:
#     checkov: [CKV_AWS_349, CKV_AWS_351]
#   cwe: ["CWE-311"]
#   remediation: >-
#     In the configuration JSON set EncryptionConfiguration.EnableAtRestEncryption = true with an
#     AtRestEncryptionConfiguration (S3 and local disk), and EnableInTransitEncryption = true with
#     an InTransitEncryptionConfiguration naming the TLS certificate provider.
#   fixable: false
package palisade.aws.emr.security_configuration_unencrypted

# No fix: switching either on is refused by EMR unless the matching AtRestEncryptionConfiguration
# (the S3 and local disk modes, a KMS key) or InTransitEncryptionConfiguration (a PEM bundle in S3
# or a custom certificate provider) is written too, and those name the owner's key and certificates.

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

switches := {
	"EnableAtRestEncryption": "at rest",
	"EnableInTransitEncryption": "in transit",
}

# The Checkov ids of each part (docs/rules-authoring.md, "Peer ids per part"):
# EMRClusterConfEncryptsLocalDisk fails unless EnableAtRestEncryption is true with a
# LocalDiskEncryptionConfiguration; EMRClusterConfEncryptsInTransit fails unless
# EnableInTransitEncryption is true. A finding that reports both switches needs both ids named.
peers := {
	"EnableAtRestEncryption": {"checkov": ["CKV_AWS_349"]},
	"EnableInTransitEncryption": {"checkov": ["CKV_AWS_351"]},
}

# The configuration is JSON text: decoded by the front end when part of it is unknown, else a
# string (jsonencode of known values, heredoc, file()).
document(r) := json.unmarshal(r.config.configuration) if {
	is_string(r.config.configuration)
	json.is_valid(r.config.configuration)
} else := r.config.configuration if is_object(r.config.configuration)

# One finding per place: switches missing from the same place (no EncryptionConfiguration, or one
# that sets neither) share a location, and a finding is identified by its rule, resource and path.
deny contains result.with_peer_parts(result.fail(r, path, msg), [peers[switch] | some switch in here]) if {
	some r in tf.resources("aws_emr_security_configuration")
	doc := document(r)
	not unknown.is_unknown(doc)
	encryption := object.get(doc, "EncryptionConfiguration", null)
	not unknown.is_unknown(encryption)
	offs := [switch | some switch in sort(object.keys(switches)); off(encryption, switch)]
	some path in {location(encryption, switch) | some switch in offs}
	here := [switch | some switch in offs; location(encryption, switch) == path]
	msg := sprintf("%s does not encrypt data %s (%s)", [
		r.address,
		concat(" or ", [switches[switch] | some switch in here]),
		not_true(here),
	])
}

# At rest on, with a known AtRestEncryptionConfiguration that has no LocalDiskEncryptionConfiguration
# (EMR takes S3 and local disk settings independently; the S3 part alone encrypts EMRFS objects only).
deny contains result.with_peers(finding, peers.EnableAtRestEncryption) if {
	some r in tf.resources("aws_emr_security_configuration")
	doc := document(r)
	encryption := object.get(doc, "EncryptionConfiguration", null)
	is_object(encryption)
	unknown.is_true(object.get(encryption, "EnableAtRestEncryption", null))
	at_rest := object.get(encryption, "AtRestEncryptionConfiguration", null)
	is_object(at_rest)
	not unknown.is_unknown(at_rest)
	object.get(at_rest, "LocalDiskEncryptionConfiguration", null) == null
	msg := sprintf(
		"%s encrypts data at rest in S3 only, not on the cluster's local disks (%s)",
		[r.address, "AtRestEncryptionConfiguration has no LocalDiskEncryptionConfiguration"],
	)
	finding := result.fail(r, ["configuration", "EncryptionConfiguration", "AtRestEncryptionConfiguration"], msg)
}

not_true(names) := sprintf("%s is not true", names) if count(names) == 1

else := sprintf("%s are not true", [concat(" and ", names)])

off(null, _)

off(encryption, switch) if {
	is_object(encryption)
	value := object.get(encryption, switch, null)
	not unknown.is_unknown(value)
	not unknown.is_true(value)
}

# The switch when written, else the EncryptionConfiguration object, else the whole document.
location(encryption, switch) := ["configuration", "EncryptionConfiguration", switch] if {
	is_object(encryption)
	object.get(encryption, switch, null) != null
} else := ["configuration", "EncryptionConfiguration"] if {
	is_object(encryption)
} else := ["configuration"]
