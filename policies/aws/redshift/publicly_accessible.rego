# METADATA
# title: Redshift cluster is publicly accessible
# description: |
#   publicly_accessible = true gives the cluster a public endpoint, leaving only its security
#   groups between the internet and the data warehouse. Leaving it unset is reported too: AWS
#   provider versions before 6.0 default it to true. A cluster that sets the resource-level
#   `region` argument (added in provider 6.0), or a configuration whose `required_providers`
#   constraint admits only 6.0 or later, is on a provider where unset is false.
# related_resources:
#   - ref: https://docs.aws.amazon.com/redshift/latest/mgmt/managing-clusters-vpc.html
# custom:
#   id: PAL-AWS-REDSHIFT-002
#   severity: high
#   formats: [terraform]
#   resource_types: [aws_redshift_cluster, "module:terraform-aws-modules/redshift/aws"]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_87
#     kics: af173fde-95ea-4584-b904-bb3923ac4bda
#   cwe: ["CWE-668"]
#   remediation: Set publicly_accessible = false and reach the cluster from inside the VPC.
#   fixable: true
package palisade.aws.redshift.publicly_accessible

import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

types := {"aws_redshift_cluster"}

deny contains result.fail_fix(r, ["publicly_accessible"], msg, [result.set(["publicly_accessible"], false)]) if {
	some r in input.resources
	r.type in types
	bad(r, object.get(r.config, "publicly_accessible", null))
	msg := sprintf("%s is publicly accessible", [r.address])
}

# Opaque terraform-aws-modules/redshift calls pass publicly_accessible (default false).
deny contains result.fail_fix(m, ["publicly_accessible"], msg, [result.set(["publicly_accessible"], false)]) if {
	some m in modules.redshift_clusters
	unknown.is_true(m.config.publicly_accessible)
	msg := sprintf("%s is publicly accessible", [m.address])
}

bad(_, v) if unknown.is_true(v)

# Unset: provider versions before 6.0 default publicly_accessible to true; 6.0 made it false
# (its upgrade guide) and added `region` to every regional resource, so a cluster that sets
# `region` (known or not), or a `required_providers` constraint with a lower bound of 6.0 or
# later, shows the newer default applies.
bad(r, null) if not provider6(r)

provider6(r) if object.get(r.config, "region", null) != null

provider6(_) if tf.provider_from("aws", [6, 0, 0])
