# METADATA
# title: SNS subscription delivers messages over plain HTTP
# description: |
#   A subscription with protocol = "http" has SNS POST every message, and the subscription
#   confirmation that carries its token, to the endpoint in clear text: anyone on the path can read
#   the messages or forge the endpoint's answers. SNS encrypts topics at rest, not deliveries; for
#   HTTP/S endpoints AWS recommends HTTPS, which SNS delivers over TLS to a certificate it trusts.
# related_resources:
#   - ref: https://docs.aws.amazon.com/sns/latest/dg/sns-security-best-practices.html#enforce-encryption-data-in-transit
#   - ref: https://docs.aws.amazon.com/sns/latest/dg/sns-http-https-endpoint-as-subscriber.html
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/sns_topic_subscription#protocol
# custom:
#   id: PAL-AWS-SNS-005
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_sns_topic_subscription]
#   frameworks: {}
#   references: {}
#   cwe: ["CWE-319"]
#   remediation: Subscribe an https:// endpoint with protocol = "https"; the endpoint must present a certificate from a trusted authority.
#   fixable: false
package palisade.aws.sns.subscription_http_endpoint

# Round 33 (Prowler sns_subscription_not_using_http_endpoints). No fix: switching the protocol only
# works when the endpoint already serves HTTPS with a publicly trusted certificate, which the
# configuration does not show.

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

deny contains result.fail(r, ["protocol"], msg) if {
	some r in tf.resources("aws_sns_topic_subscription")
	lower(unknown.known_string(object.get(r.config, "protocol", null))) == "http"
	msg := sprintf("%s delivers the topic's messages over plain HTTP", [r.address])
}
