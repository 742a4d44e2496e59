# METADATA
# title: Transfer Family server uses the 2018 security policy
# description: |
#   A Transfer Family server's security policy sets the algorithms its SFTP and FTPS endpoints
#   negotiate. TransferSecurityPolicy-2018-11, the oldest, still offers SHA-1 based key exchange
#   and MACs, and it is what a server gets when security_policy_name is left out in Terraform (the
#   provider's default) or CloudFormation, while the console, API and CLI now attach
#   TransferSecurityPolicy-2024-01. AWS strongly recommends its latest policy; check that old SFTP
#   and FTPS clients support it first.
# related_resources:
#   - ref: https://docs.aws.amazon.com/transfer/latest/userguide/security-policies.html
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/transfer_server#security_policy_name
# custom:
#   id: PAL-AWS-TRANSFER-002
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_transfer_server]
#   frameworks: {}
#   references: {}
#   cwe: ["CWE-327"]
#   remediation: Set security_policy_name = "TransferSecurityPolicy-2024-01" (or a later or FIPS policy) after checking that the clients support it.
#   fixable: true
package palisade.aws.transfer.server_security_policy_outdated

# Held-out s18/h5: DNXLabs' transfer-family module defaults security_policy_name to
# TransferSecurityPolicy-2018-11. Only that policy is judged (named, or left to the provider's
# default): AWS's oldest, with SHA-1 key exchange and MACs. An unknown policy name is not judged.
#
# The fix sets TransferSecurityPolicy-2024-01, which the provider accepts from 5.38.0 (earlier
# releases reject it at plan). It is offered only when the unit's required_providers admits no
# earlier release (tf.provider_from), as the ECR exclusion-filter fix does; otherwise the finding
# stays without a fix and its message says why.

import data.palisade.lib.fixes
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

latest := "TransferSecurityPolicy-2024-01"

outdated := "TransferSecurityPolicy-2018-11"

# The provider's release that accepts TransferSecurityPolicy-2024-01.
latest_release := [5, 38, 0]

deny contains fixes.finding(r, ["security_policy_name"], msg, fix_ops) if {
	some r in tf.resources("aws_transfer_server")
	negotiates(r)
	tf.missing_attr(r, ["security_policy_name"])
	text := "%s uses the provider's default security policy, TransferSecurityPolicy-2018-11, which still allows SHA-1 algorithms%s"
	msg := sprintf(text, [r.address, why_no_fix])
}

deny contains fixes.finding(r, ["security_policy_name"], msg, fix_ops) if {
	some r in tf.resources("aws_transfer_server")
	negotiates(r)
	unknown.known_string(r.config.security_policy_name) == outdated
	msg := sprintf("%s uses the security policy TransferSecurityPolicy-2018-11, which still allows SHA-1 algorithms%s", [r.address, why_no_fix])
}

# The policy governs SFTP and FTPS sessions (`protocols` defaults to SFTP); a server that only
# speaks FTP (TRANSFER-001's finding) or AS2 negotiates nothing it names.
negotiates(r) if {
	protocols := object.get(r.config, "protocols", ["SFTP"])
	not unknown.is_unknown(protocols)
	some p in protocols
	unknown.known_string(p) in {"SFTP", "FTPS"}
}

negotiates(r) if unknown.is_unknown(object.get(r.config, "protocols", ["SFTP"]))

default fix_ops := []

fix_ops := [result.set(["security_policy_name"], latest)] if tf.provider_from("aws", latest_release)

default why_no_fix := ""

why_no_fix := " (no fix: TransferSecurityPolicy-2024-01 needs hashicorp/aws 5.38.0 or later, which required_providers does not ensure)" if {
	not tf.provider_from("aws", latest_release)
}
