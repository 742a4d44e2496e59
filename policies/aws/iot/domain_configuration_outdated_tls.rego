# METADATA
# title: IoT Core domain configuration accepts TLS versions older than 1.2
# description: |
#   An aws_iot_domain_configuration's tls_config.security_policy decides which TLS versions and
#   ciphers devices may use on the endpoint. IoTSecurityPolicy_TLS12_1_0_2015_01 and
#   IoTSecurityPolicy_TLS12_1_0_2016_01 (each offered in some Regions only) accept TLS 1.0 and 1.1,
#   which RFC 8996 deprecates and NIST SP 800-52r2 no longer allows.
#   IoTSecurityPolicy_TLS13_1_2_2022_10 (the default for a new domain configuration, offered in
#   every Region) accepts TLS 1.2 and 1.3 only. Reported: either TLS 1.0 policy, written in the
#   block; a block or a policy left out is AWS's default and is not judged.
# related_resources:
#   - ref: https://docs.aws.amazon.com/iot/latest/developerguide/iot-endpoints-tls-config.html
#   - ref: https://docs.aws.amazon.com/iot/latest/developerguide/transport-security.html
#   - ref: https://www.rfc-editor.org/rfc/rfc8996
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/iot_domain_configuration
# custom:
#   id: PAL-AWS-IOT-002
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_iot_domain_configuration]
#   frameworks: {}
#   references: {}
#   cwe: ["CWE-327"]
#   remediation: >-
#     Set tls_config { security_policy = "IoTSecurityPolicy_TLS13_1_2_2022_10" } once the devices
#     that use the endpoint speak TLS 1.2.
#   fixable: true
package palisade.aws.iot.domain_configuration_outdated_tls

# Session 23, helper F1. The fix sets IoTSecurityPolicy_TLS13_1_2_2022_10, as the load balancer,
# CloudFront, API Gateway, OpenSearch and Transfer Family TLS rules set their services' TLS 1.2
# policies: the provider updates the domain configuration in place (UpdateDomainConfiguration,
# no replacement; the endpoint, its certificates and its authorizer stay), nothing is billed, and
# a device that can only speak TLS 1.0 or 1.1 is turned away, which is what the finding asks for.
# The provider takes security_policy as free text (no list to fall behind). Policy names are
# matched as AWS spells them; an unknown value or a dynamic block is not judged.

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

outdated := {"IoTSecurityPolicy_TLS12_1_0_2015_01", "IoTSecurityPolicy_TLS12_1_0_2016_01"}

current := "IoTSecurityPolicy_TLS13_1_2_2022_10"

deny contains result.fail_fix(r, path, msg, [result.set(path, current)]) if {
	some r in tf.resources("aws_iot_domain_configuration")
	some i, tls in tf.blocks(r, "tls_config")
	policy := unknown.known_string(object.get(tls, "security_policy", null))
	policy in outdated
	path := ["tls_config", i, "security_policy"]
	msg := sprintf("%s uses %s, which accepts TLS 1.0 and 1.1", [r.address, policy])
}
