# METADATA
# title: OpenSearch domain access policy allows anyone
# description: |
#   The domain's resource-based access policy has an Allow statement for any principal ("*") with
#   no condition pinning callers (source IP, VPC endpoint, organization). A domain with a public
#   endpoint then serves its indices (and, with es:*, its configuration) to anyone on the
#   internet who can reach it. Domains placed in a VPC and domains with fine-grained access
#   control are not judged: AWS documents an open domain policy as the usual setup there, with
#   security groups or the domain's own users deciding access.
# related_resources:
#   - ref: https://docs.aws.amazon.com/opensearch-service/latest/developerguide/ac.html
#   - ref: https://docs.aws.amazon.com/opensearch-service/latest/developerguide/fgac.html
# custom:
#   id: PAL-AWS-OPENSEARCH-007
#   severity: high
#   formats: [terraform]
#   resource_types: [aws_opensearch_domain, aws_elasticsearch_domain, aws_opensearch_domain_policy, aws_elasticsearch_domain_policy]
#   frameworks: {}
#   references:
#     kics: 16c4216a-50d3-4785-bfb2-4adb5144a8ba
#   cwe: ["CWE-284"]
#   remediation: Name the principals that need the domain, pin anonymous access to source IPs, or use a VPC domain or fine-grained access control.
#   fixable: false
package palisade.aws.opensearch.access_policy_public

import data.palisade.lib.resource_policy
import data.palisade.lib.result
import data.palisade.lib.unknown

domain_types := {"aws_elasticsearch_domain", "aws_opensearch_domain"}

policy_types := {"aws_elasticsearch_domain_policy", "aws_opensearch_domain_policy"}

# One finding per policy, on access_policies; the open statements are related locations. No fix:
# who may use the domain is the owner's choice.
deny contains result.with_related(result.fail(r, ["access_policies"], msg), related) if {
	some r in input.resources
	r.type in domain_types
	not closed(r)
	some finding in open_policy(r)
	related := finding.related
	msg := finding.msg
}

deny contains result.with_related(result.fail(p, ["access_policies"], msg), related) if {
	some p in input.resources
	p.type in policy_types
	not closed_domain_of(p)
	some finding in open_policy(p)
	related := finding.related
	msg := finding.msg
}

open_policy(r) := {{"related": related, "msg": msg} |
	entries := [e |
		some e in resource_policy.any_principal_statements(resource_policy.document(r.config.access_policies))
		not ip_pinned(e.statement)
	]
	count(entries) > 0
	related := [result.related(r, array.concat(["access_policies"], array.concat(e.path, ["Principal"])), "open to any principal") | some e in entries]
	msg := sprintf("the access policy of %s allows %s to any principal", [r.address, concat(", ", [resource_policy.action_labels(e.statement) | some e in entries])])
}

# In a VPC (reachable only through its security groups) or behind fine-grained access control.
closed(domain) if count(object.get(domain.config, "vpc_options", [])) > 0

closed(domain) if {
	some o in unknown.items(object.get(domain.config, "advanced_security_options", []))
	not unknown.is_false(object.get(o, "enabled", false))
}

# The policy resource's domain, found through its domain_name reference or, as registry modules
# write it (`domain_name = var.domain_name` beside the domain's own), by the same known name.
closed_domain_of(p) if {
	some d in policy_domains(p)
	closed(d)
}

# A policy whose domain cannot be identified (an unknown name, no reference) is not judged: the
# domain may be in a VPC.
closed_domain_of(p) if {
	count(policy_domains(p)) == 0
	not unknown.known_string(p.config.domain_name)
}

policy_domains(p) := {d |
	some d in input.resources
	d.type in domain_types
	names_domain(p, d)
}

names_domain(p, d) if {
	some ref in p.references
	ref.path[0] == "domain_name"
	d.address == ref.target
}

names_domain(p, d) if {
	name := unknown.known_string(p.config.domain_name)
	name == unknown.known_string(d.config.domain_name)
	object.get(p, "module", "") == object.get(d, "module", "")
}

# AWS's IP-based domain policy: anonymous access pinned to source addresses (not the whole
# internet) is a documented way to open a public domain to known networks. Unknown values may pin.
ip_pinned(s) if {
	some operator, keys in s.Condition
	lower(operator) == "ipaddress"
	some key, value in keys
	lower(key) == "aws:sourceip"
	every v in ip_values(value) {
		not v in {"0.0.0.0/0", "::/0"}
	}
}

ip_values(v) := v if is_array(v)

else := [v]
