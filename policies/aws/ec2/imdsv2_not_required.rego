# METADATA
# title: EC2 instance metadata service does not require IMDSv2
# description: |
#   With http_tokens = "optional" (the default for older AMIs and launch templates) the
#   instance metadata service answers IMDSv1 requests, which need no session token. A server-
#   side request forgery bug in any application on the instance can then read the instance
#   role's credentials. IMDSv2 requires a PUT-obtained token that SSRF cannot get.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-IMDS-existing-instances.html
# custom:
#   id: PAL-AWS-EC2-001
#   severity: high
#   formats: [terraform]
#   resource_types: [aws_instance, aws_launch_template, aws_launch_configuration, "module:terraform-aws-modules/ec2-instance/aws", "module:terraform-aws-modules/autoscaling/aws"]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_79
#     trivy: [AVD-AWS-0028, AVD-AWS-0130]
#     kics: c306ac53-ee5b-41d3-86a9-0fd2722b4e67
#   cwe: ["CWE-1188"]
#   remediation: Set metadata_options { http_tokens = "required" } (or disable the endpoint if unused).
#   fixable: true
package palisade.aws.ec2.imdsv2_not_required

import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

types := {"aws_instance", "aws_launch_template", "aws_launch_configuration"}

msg(r) := sprintf("%s does not require IMDSv2 (http_tokens = \"required\")", [r.address])

# No metadata_options block: add one. An instance launched from a launch template without its
# own block takes the template's metadata options (the template is judged on its own).
deny contains result.fail_fix(r, ["metadata_options"], msg(r), [fix]) if {
	some r in input.resources
	r.type in types
	tf.missing_attr(r, ["metadata_options"])
	not from_template(r)
	fix := result.add_block([], "metadata_options", {"http_tokens": "required"})
}

# A block that leaves tokens optional while the endpoint is on.
deny contains result.fail_fix(r, path, msg(r), [result.set(path, "required")]) if {
	some r in input.resources
	r.type in types
	some i, options in tf.blocks(r, "metadata_options")
	object.get(options, "http_endpoint", "enabled") == "enabled"
	tokens := object.get(options, "http_tokens", null)
	unknown.known(tokens)
	tokens != "required"
	path := ["metadata_options", i, "http_tokens"]
}

# Opaque ec2-instance and autoscaling calls pass metadata_options to the instance or launch
# template. Unset, v6 of ec2-instance and v8 of autoscaling require tokens, older majors did not
# all do so, so only a set http_tokens is judged (and ec2-instance v2's default, below).
deny contains result.fail_fix(m, path, msg(m), [result.set(path, "required")]) if {
	some m in array.concat(modules.ec2_instances, modules.asg_launch_templates)
	options := m.config.metadata_options
	is_object(options)
	object.get(options, "http_endpoint", "enabled") == "enabled"
	tokens := unknown.known_string(options.http_tokens)
	tokens != "required"
	path := ["metadata_options", "http_tokens"]
}

# terraform-aws-modules/ec2-instance before v3: metadata_options (an input from 2.16) defaults to
# {}, for which the module writes no block, so the instance takes the AMI's default, IMDSv1 on
# unless the AMI was registered for IMDSv2 only: judged as an aws_instance without the block.
# No fix: a 2.x release before 2.16 has no metadata_options input to set.
deny contains result.fail(m, ["metadata_options"], msg(m)) if {
	some m in modules.ec2_instances
	modules.pinned_below(m, 3)
	object.get(m.config, "metadata_options", {}) == {}
}

from_template(r) if {
	r.type == "aws_instance"
	launched_from_template(r)
}

# A launch_template block, or one that may exist (`dynamic` over an unknown); a `dynamic` block
# over an empty list leaves none.
launched_from_template(r) if count(tf.blocks(r, "launch_template")) > 0

launched_from_template(r) if unknown.is_unknown(object.get(r.config, "launch_template", null))
