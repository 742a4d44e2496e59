# METADATA
# title: Redshift parameter group does not require SSL
# description: |
#   Redshift accepts unencrypted client connections unless the cluster's parameter group sets
#   require_ssl to true; the parameter defaults to false, so a parameter group that leaves it out
#   or sets it to false lets SQL clients send credentials and query results in plain text. Clusters
#   using this parameter group inherit the setting.
# related_resources:
#   - ref: https://docs.aws.amazon.com/redshift/latest/mgmt/connecting-ssl-support.html
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/redshift-controls.html#redshift-2
# custom:
#   id: PAL-AWS-REDSHIFT-008
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_redshift_parameter_group]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_105
#   cwe: ["CWE-319"]
#   remediation: >-
#     Add a parameter block with name = "require_ssl" and value = "true" (clients then connect with
#     SSL, which every Redshift driver supports; move any that do not first).
#   fixable: true
package palisade.aws.redshift.parameter_group_ssl_not_required

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

# Left out: the parameter keeps Redshift's default, false. Unknown parameter blocks (dynamic) are
# not judged.
# The fix requires SSL, the secure value, as the pack's other in-transit fixes do (ElastiCache,
# OpenSearch HTTPS): which clients still connect without it is the author's to check.
deny contains result.fail_fix(r, ["parameter"], msg, [result.append_block([], "parameter", {"name": "require_ssl", "value": "true"})]) if {
	some r in tf.resources("aws_redshift_parameter_group")
	not unknown.is_unknown(object.get(r.config, "parameter", []))

	# A parameter whose name is not known (a dynamic block over a variable) may be require_ssl.
	every p in tf.blocks(r, "parameter") {
		is_string(p.name)
		p.name != "require_ssl"
	}
	msg := sprintf("%s leaves require_ssl at its default, false: clients may connect without SSL", [r.address])
}

# Set to false: the value is a string in the API ("false"), but a bare boolean is accepted too.
deny contains result.fail_fix(r, ["parameter", i, "value"], msg, [result.set(["parameter", i, "value"], "true")]) if {
	some r in tf.resources("aws_redshift_parameter_group")
	some i, p in tf.blocks(r, "parameter")
	p.name == "require_ssl"
	lower(sprintf("%v", [p.value])) == "false"
	msg := sprintf("%s sets require_ssl to false: clients may connect without SSL", [r.address])
}
