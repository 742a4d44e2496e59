# METADATA
# title: API Gateway custom domain allows TLS older than 1.2
# description: |
#   A custom domain name whose security policy is TLS_1_0, or unset, lets clients negotiate TLS 1.0
#   and 1.1, which have known weaknesses and are not allowed by PCI DSS.
# related_resources:
#   - ref: https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-custom-domain-tls-version.html
# custom:
#   id: PAL-AWS-APIGATEWAY-007
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_api_gateway_domain_name]
#   frameworks:
#     pci-dss-4.0: ["4.2.1"]
#   references:
#     checkov: CKV_AWS_206
#     trivy: AVD-AWS-0005
#     kics: 4e1cc5d3-2811-4fb2-861c-ee9b3cb7f90b
#   cwe: ["CWE-327"]
#   remediation: Set security_policy = "TLS_1_2".
#   fixable: true
package palisade.aws.apigateway.domain_outdated_tls

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

deny contains result.fail_fix(r, ["security_policy"], msg, [result.set(["security_policy"], "TLS_1_2")]) if {
	some r in tf.resources("aws_api_gateway_domain_name")
	policy := object.get(r.config, "security_policy", null)
	outdated(policy)
	msg := sprintf("%s accepts %s (security policy is not TLS 1.2)", [r.address, describe(policy)])
}

outdated(null)

# "" is never sent (the provider drops an empty optional string), so the default applies as for null.
outdated("")

outdated(p) if startswith(upper(unknown.known_string(p)), "TLS_1_0")

describe(null) := "TLS 1.0 by default"

describe("") := "TLS 1.0 by default"

describe(p) := p if not p in {null, ""}
