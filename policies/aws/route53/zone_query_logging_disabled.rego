# METADATA
# title: Route 53 public hosted zone has no query logging
# description: |
#   Query logs record every DNS query Route 53 answers for the zone: the names asked for and the
#   resolvers asking. They are how subdomain enumeration, DNS-based data exfiltration and traffic to
#   retired records are spotted.
# related_resources:
#   - ref: https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/query-logs.html
# custom:
#   id: PAL-AWS-ROUTE53-001
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_route53_zone, aws_route53_query_log]
#   references:
#     checkov: CKV2_AWS_39
#     kics: 7dbba512-e244-42dc-98bb-422339827967
#   cwe: ["CWE-778"]
#   remediation: Add an aws_route53_query_log for the zone, delivering to a CloudWatch log group in us-east-1.
#   fixable: false
package palisade.aws.route53.zone_query_logging_disabled

import data.palisade.lib.result
import data.palisade.lib.tf

# Private zones log through Resolver query logging instead; only public zones are checked.
deny contains result.fail(r, [], msg) if {
	not tf.unresolved("aws_route53_query_log", ["zone_id"], "aws_route53_zone")
	some r in tf.resources("aws_route53_zone")
	tf.missing_attr(r, ["vpc"])
	count(tf.referencing(r.address, "aws_route53_query_log", ["zone_id"])) == 0
	msg := sprintf("%s has no DNS query logging", [r.address])
}
