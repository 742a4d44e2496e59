# METADATA
# title: CloudSearch domain accepts plain HTTP or TLS 1.0
# description: |
#   A CloudSearch domain's search and document endpoints answer plain HTTP unless
#   endpoint_options sets enforce_https = true (the DomainEndpointOptions default is false, and the
#   provider sends nothing when the block or the argument is left out). Queries, uploaded documents
#   and the request signatures then cross the network in clear text. A domain that sets
#   tls_security_policy = "Policy-Min-TLS-1-0-2019-07", or leaves the policy out (the API's default
#   is that policy, and the provider sends none), also accepts TLS 1.0 and 1.1; the alternative,
#   "Policy-Min-TLS-1-2-2019-07", requires TLS 1.2. The fixes set enforce_https = true
#   and the TLS 1.2 policy, which CloudSearch applies in place (UpdateDomainEndpointOptions); clients
#   that still use HTTP or TLS 1.0 must move first.
# related_resources:
#   - ref: https://docs.aws.amazon.com/cloudsearch/latest/developerguide/configuring-domain-endpoint-options.html
#   - ref: https://docs.aws.amazon.com/cloudsearch/latest/developerguide/API_DomainEndpointOptions.html
# custom:
#   id: PAL-AWS-CLOUDSEARCH-001
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_cloudsearch_domain]
#   frameworks: {}
#   references:
#     checkov: [CKV_AWS_220, CKV_AWS_218]
#   cwe: ["CWE-319"]
#   remediation: >-
#     Add endpoint_options { enforce_https = true, tls_security_policy = "Policy-Min-TLS-1-2-2019-07" }
#     once the domain's clients use HTTPS with TLS 1.2.
#   fixable: true
package palisade.aws.cloudsearch.domain_endpoint_insecure

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

tls12 := "Policy-Min-TLS-1-2-2019-07"

add_options := result.add_block([], "endpoint_options", {"enforce_https": true, "tls_security_policy": tls12})

# The Checkov id of each part (docs/rules-authoring.md, "Peer ids per part"): CloudsearchDomainEnforceHttps
# reads endpoint_options[0].enforce_https, CloudsearchDomainTLS endpoint_options[0].tls_security_policy
# (the TLS 1.2 policy expected); both fail when the block is missing, which leaves both at their defaults.
https_peers := {"checkov": ["CKV_AWS_220"]}

tls_peers := {"checkov": ["CKV_AWS_218"]}

http_msg(r) := sprintf("%s accepts plain HTTP (endpoint_options.enforce_https is not true)", [r.address])

# No endpoint_options block: the API's default, HTTP allowed.
deny contains result.with_peer_parts(result.fail_fix(r, ["endpoint_options"], http_msg(r), [add_options]), [https_peers, tls_peers]) if {
	some r in tf.resources("aws_cloudsearch_domain")
	tf.missing_attr(r, ["endpoint_options"])
}

# A block that sets enforce_https to false or leaves it out.
deny contains result.with_peers(result.fail_fix(r, path, http_msg(r), [result.set(path, true)]), https_peers) if {
	some r in tf.resources("aws_cloudsearch_domain")
	some i, options in tf.blocks(r, "endpoint_options")
	not https_enforced_or_unknown(object.get(options, "enforce_https", null))
	path := ["endpoint_options", i, "enforce_https"]
}

# The TLS 1.0 policy, written out.
deny contains result.with_peers(result.fail_fix(r, path, msg, [result.set(path, tls12)]), tls_peers) if {
	some r in tf.resources("aws_cloudsearch_domain")
	some i, options in tf.blocks(r, "endpoint_options")
	object.get(options, "tls_security_policy", null) == "Policy-Min-TLS-1-0-2019-07"
	path := ["endpoint_options", i, "tls_security_policy"]
	msg := sprintf("%s accepts TLS 1.0 and 1.1 (tls_security_policy = \"Policy-Min-TLS-1-0-2019-07\")", [r.address])
}

# A block without tls_security_policy: the provider sends none, and DomainEndpointOptions' default
# is the TLS 1.0 policy (CloudSearch API reference).
deny contains result.with_peers(result.fail_fix(r, path, msg, [result.set(path, tls12)]), tls_peers) if {
	some r in tf.resources("aws_cloudsearch_domain")
	some i, options in tf.blocks(r, "endpoint_options")
	not "tls_security_policy" in object.keys(options)
	path := ["endpoint_options", i, "tls_security_policy"]
	msg := sprintf("%s accepts TLS 1.0 and 1.1 (tls_security_policy is not set: the default is \"Policy-Min-TLS-1-0-2019-07\")", [r.address])
}

https_enforced_or_unknown(true)

https_enforced_or_unknown(v) if not unknown.known(v)
