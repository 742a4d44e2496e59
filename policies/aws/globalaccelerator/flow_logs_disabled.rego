# METADATA
# title: Global Accelerator does not record flow logs
# description: |
#   Without flow logs an accelerator keeps no record of the traffic it accepts on its static
#   anycast addresses (source address and port, listener, endpoint, accept or reject), so the
#   connections that reached an application through it cannot be investigated after the fact.
#   Flow logs are delivered to an S3 bucket set in the accelerator's attributes block
#   (flow_logs_enabled, flow_logs_s3_bucket, flow_logs_s3_prefix). Where the block already names
#   a bucket and a prefix, the fix turns the logs on; otherwise no fix is offered: the bucket (its
#   owner, policy and retention) is the owner's choice, and turning the logs on without one is
#   refused by the API.
# related_resources:
#   - ref: https://docs.aws.amazon.com/global-accelerator/latest/dg/monitoring-global-accelerator.flow-logs.html
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/globalaccelerator_accelerator#attributes
# custom:
#   id: PAL-AWS-GLOBALACCELERATOR-001
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_globalaccelerator_accelerator]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_75
#     kics: 96e8183b-e985-457b-90cd-61c0503a3369
#   cwe: ["CWE-778"]
#   remediation: Set attributes { flow_logs_enabled = true, flow_logs_s3_bucket = "<your bucket>", flow_logs_s3_prefix = "<prefix>" }.
#   fixable: true
package palisade.aws.globalaccelerator.flow_logs_disabled

import data.palisade.lib.fixes
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

deny contains result.fail(r, ["attributes"], msg(r)) if {
	some r in tf.resources("aws_globalaccelerator_accelerator")
	count(tf.blocks(r, "attributes")) == 0
	not unknown.is_unknown(object.get(r.config, "attributes", []))
}

deny contains fixes.finding(r, path, msg(r), enable_ops(attributes, path)) if {
	some r in tf.resources("aws_globalaccelerator_accelerator")
	some i, attributes in tf.blocks(r, "attributes")
	off(object.get(attributes, "flow_logs_enabled", null))
	path := ["attributes", i, "flow_logs_enabled"]
}

# The API requires the bucket and the prefix once the logs are on; a block that names both has
# the owner's destination already, so switching the logs on is the whole change.
enable_ops(attributes, path) := [result.set(path, true)] if {
	named(object.get(attributes, "flow_logs_s3_bucket", null))
	named(object.get(attributes, "flow_logs_s3_prefix", null))
} else := []

named(v) if {
	is_string(v)
	v != ""
}

named(v) if unknown.is_unknown(v)

off(null)

off(v) if unknown.is_false(v)

msg(r) := sprintf("%s records no flow logs", [r.address])
