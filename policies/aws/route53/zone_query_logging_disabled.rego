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
#   remediation: >-
#     Add an aws_route53_query_log for the zone, delivering to a CloudWatch log group in us-east-1.
#     The fix adds one for the log group the module's other public zones already log to, when there
#     is exactly one and no resource policy of the unit narrows Route 53's delivery to named zones.
#   fixable: true
package palisade.aws.route53.zone_query_logging_disabled

import data.palisade.lib.fixes
import data.palisade.lib.iam
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

# Private zones log through Resolver query logging instead; only public zones are checked.
deny contains fixes.finding(r, [], msg, copy_ops(r)) if {
	not tf.unresolved("aws_route53_query_log", ["zone_id"], "aws_route53_zone")
	some r in tf.resources("aws_route53_zone")
	tf.missing_attr(r, ["vpc"])
	count(tf.referencing(r.address, "aws_route53_query_log", ["zone_id"])) == 0
	msg := sprintf("%s has no DNS query logging", [r.address])
}

# The fix logs the zone's queries to the log group the module's other public zones already log to
# (their aws_route53_query_log under the same provider configuration, so the same account): that
# group is in us-east-1 and its resource policy already admits Route 53's delivery. A resource
# policy of the unit that narrows route53.amazonaws.com to named zones (aws:SourceArn other than
# every hosted zone), or one Palisade cannot read, may refuse this zone: no fix then.
copy_ops(r) := [fixes.with_derived(
	result.add_resource("aws_route53_query_log", r.name, {
		"cloudwatch_log_group_arn": group,
		"zone_id": result.expr(sprintf("%s.zone_id", [r.address])),
	}),
	derived,
)] if {
	fixes.can_reference(r)
	not query_log_named(r.name)
	not narrowed_delivery
	copies := {c |
		some l in tf.resources("aws_route53_query_log")
		object.get(l, "provider", null) == object.get(r, "provider", null)
		some z in tf.resources("aws_route53_zone")
		fixes.sibling(r, z)
		tf.missing_attr(z, ["vpc"])
		count(tf.referencing(z.address, "aws_route53_query_log", ["zone_id"])) > 0
		some ref in l.references
		ref.path == ["zone_id"]
		tf.refers_to(ref.target, z.address)
		c := fixes.copied(l, ["cloudwatch_log_group_arn"], l.config.cloudwatch_log_group_arn)
	}
	values := {c.value | some c in copies}
	count(values) == 1
	some group in values
	derived := [c.derived | some c in copies]
} else := []

query_log_named(name) if {
	some l in tf.resources("aws_route53_query_log")
	not l.module
	l.name == name
}

narrowed_delivery if {
	some p in tf.resources("aws_cloudwatch_log_resource_policy")
	some entry in iam.statements(p.config.policy_document)
	is_object(entry.statement.Principal)
	"route53.amazonaws.com" in iam.as_list(object.get(entry.statement.Principal, "Service", null))
	narrows(object.get(entry.statement, "Condition", {}))
}

narrowed_delivery if {
	some p in tf.resources("aws_cloudwatch_log_resource_policy")
	unreadable(p.config.policy_document)
}

unreadable(doc) if unknown.is_unknown(doc)

unreadable(doc) if not is_object(doc)

unreadable(doc) if iam.has_unknown_statement(doc)

narrows(condition) if unknown.is_unknown(condition)

narrows(condition) if {
	some key, value in condition[_]
	lower(key) == "aws:sourcearn"
	some arn in iam.as_list(value)
	not every_zone(arn)
}

every_zone(arn) if endswith(arn, ":hostedzone/*")
