# METADATA
# title: Transfer Family server accepts plain FTP
# description: |
#   A Transfer Family server whose protocols include "FTP" accepts FTP connections, which carry the
#   user's password and every file in clear text. SFTP (the default) and FTPS encrypt both. AWS
#   Security Hub (Transfer.2) and the AWS Config rule transfer-family-server-no-ftp ask for servers
#   without FTP.
# related_resources:
#   - ref: https://docs.aws.amazon.com/transfer/latest/userguide/create-server-ftp.html
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/transfer-controls.html#transfer-2
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/transfer_server#protocols
# custom:
#   id: PAL-AWS-TRANSFER-001
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_transfer_server]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_357
#   cwe: ["CWE-319"]
#   remediation: Remove "FTP" from protocols; clients connect with SFTP (or FTPS, which needs a certificate).
#   fixable: true
package palisade.aws.transfer.server_ftp_enabled

# The fix removes "FTP" from a literal list and keeps the other protocols; a server that offers FTP
# alone gets ["SFTP"], the provider's default, which every identity provider type and endpoint
# that FTP allows (a VPC endpoint with an API Gateway or Lambda identity provider) supports too.
# FTPS is not chosen: it needs a certificate, which is the owner's to provide. The FTP clients
# must move to SFTP either way: that is the point of the finding.

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

deny contains result.fail_fix(r, ["protocols", i], msg, [result.set(["protocols"], without_ftp(protocols))]) if {
	some r in tf.resources("aws_transfer_server")
	protocols := unknown.items(object.get(r.config, "protocols", []))
	some i, p in protocols
	unknown.known_string(p) == "FTP"
	msg := sprintf("%s accepts plain FTP, which sends passwords and files unencrypted", [r.address])
}

without_ftp(protocols) := kept if {
	kept := [p | some p in protocols; p != "FTP"]
	count(kept) > 0
} else := ["SFTP"]
