# METADATA
# title: EC2 instance metadata service does not require IMDSv2
# description: |
#   With http_tokens = "optional" (the default for older AMIs and launch templates) the
#   instance metadata service answers IMDSv1 requests, which need no session token. A server-
#   side request forgery bug in any application on the instance can then read the instance
#   role's credentials. IMDSv2 requires a PUT-obtained token that SSRF cannot get. When the
#   user data reads the metadata service (169.254.169.254) without ever asking for a token, the
#   finding comes without a fix: requiring tokens would break that boot script. An
#   aws_ec2_instance_metadata_defaults with http_tokens = "optional" makes IMDSv1 the Region's
#   default for every instance launched without its own setting, and is reported too. A spot
#   instance request cannot pass metadata_options or a launch template to its instance (the
#   RequestSpotInstances API has no field for either): it is reported, without a fix, unless the
#   Region's default requires tokens. So is each launch_specification of a spot fleet request
#   (EC2's SpotFleetLaunchSpecification has no metadata options either).
# related_resources:
#   - ref: https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-IMDS-existing-instances.html
#   - ref: https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-IMDS-new-instances.html
# custom:
#   id: PAL-AWS-EC2-001
#   severity: high
#   formats: [terraform]
#   resource_types: [aws_instance, aws_spot_instance_request, aws_spot_fleet_request, aws_launch_template, aws_launch_configuration, aws_ec2_instance_metadata_defaults, "module:terraform-aws-modules/ec2-instance/aws", "module:terraform-aws-modules/autoscaling/aws"]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_79
#     trivy: [AVD-AWS-0028, AVD-AWS-0130]
#     kics: c306ac53-ee5b-41d3-86a9-0fd2722b4e67
#   cwe: ["CWE-1188"]
#   remediation: Set metadata_options { http_tokens = "required" } (or disable the endpoint if unused).
#   fixable: true
package palisade.aws.ec2.imdsv2_not_required

import data.palisade.lib.fixes
import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

types := {"aws_instance", "aws_launch_template", "aws_launch_configuration"}

msg(r) := sprintf("%s does not require IMDSv2 (http_tokens = \"required\")", [r.address])

# No metadata_options block: add one. An instance launched from a launch template without its
# own block takes the template's metadata options (the template is judged on its own).
# Known user data that reads the metadata service without a token keeps the finding without a fix
# (see imdsv1_user_data).
deny contains fixes.finding(r, ["metadata_options"], msg(r), ops) if {
	some r in input.resources
	r.type in types
	tf.missing_attr(r, ["metadata_options"])
	not from_template(r)
	ops := [op | not imdsv1_user_data(r); op := result.add_block([], "metadata_options", {"http_tokens": "required"})]
}

# A block that leaves tokens optional while the endpoint is on.
deny contains fixes.finding(r, path, msg(r), ops) if {
	some r in input.resources
	r.type in types
	some i, options in tf.blocks(r, "metadata_options")
	object.get(options, "http_endpoint", "enabled") == "enabled"
	tokens := object.get(options, "http_tokens", null)
	unknown.known(tokens)
	tokens != "required"
	path := ["metadata_options", i, "http_tokens"]
	ops := [op | not imdsv1_user_data(r); op := result.set(path, "required")]
}

# The account's default for the Region (ModifyInstanceMetadataDefaults): "optional" is an explicit
# choice of IMDSv1 for every new instance whose launch sets no http_tokens of its own, while
# "no-preference" (the provider's default) leaves the AMI's setting. The fix sets the default to
# "required"; instances and launch templates that set "optional" keep it (HashiCorp policy library
# round 27).
deny contains result.fail_fix(r, ["http_tokens"], msg, [result.set(["http_tokens"], "required")]) if {
	some r in tf.resources("aws_ec2_instance_metadata_defaults")
	lower(unknown.known_string(object.get(r.config, "http_tokens", null))) == "optional"
	msg := sprintf("%s makes IMDSv1 the default for new instances in the Region (http_tokens = \"optional\")", [r.address])
}

# A spot instance request takes aws_instance's arguments, but the provider builds its launch
# specification (RequestSpotInstances' RequestSpotLaunchSpecification) without metadata options or
# a launch template, which that API has no field for: the instance takes the Region's default
# (aws_ec2_instance_metadata_defaults) or the AMI's, whatever metadata_options or launch_template
# say (terraform-provider-aws #25896, #35883). Adding or completing the block would change
# nothing, so there is no fix; a Region default of "required" written here (or unknown) clears it.
deny contains result.fail(r, ["metadata_options"], sprintf(spot_msg, [r.address])) if {
	not region_default_may_require
	some r in tf.resources("aws_spot_instance_request")
}

# A spot fleet's launch_specification is EC2's SpotFleetLaunchSpecification, which has no metadata
# options field (nor has the provider's block): its instances take the Region's default or the
# AMI's. No fix: moving the fleet to launch_template_config is a redesign the owner makes.
deny contains result.fail(r, ["launch_specification", i], sprintf(fleet_msg, [r.address])) if {
	not region_default_may_require
	some r in tf.resources("aws_spot_fleet_request")
	some i, _ in tf.blocks(r, "launch_specification")
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

# The instance's own boot script reads the metadata service with a plain GET (`curl
# 169.254.169.254/latest/meta-data/instance-id`, as the 2021 GitHub-runners module's runner install
# script did, held-out H3) and never asks for a session token (X-aws-ec2-metadata-token). With
# http_tokens = "required" those reads get 401 and the script fails (AWS: check software for IMDSv1
# use before requiring IMDSv2), so the finding stays without a fix. Only user data known as text
# is read; a rendered template the scan cannot know keeps the fix, like software the scan never sees.
imdsv1_user_data(r) if {
	some text in user_data_texts(r)
	contains(text, "169.254.169.254")
	not contains(lower(text), "x-aws-ec2-metadata-token")
}

# user_data as plain text; launch templates (and user_data_base64) hold base64.
user_data_texts(r) := {text |
	some key in ["user_data", "user_data_base64"]
	v := object.get(r.config, key, null)
	is_string(v)
	text := user_data_text(r.type, key, v)
}

user_data_text(type, "user_data", v) := v if type != "aws_launch_template"

user_data_text(_, key, v) := base64.decode(v) if {
	key == "user_data_base64"
	base64.is_valid(v)
}

user_data_text("aws_launch_template", "user_data", v) := base64.decode(v) if base64.is_valid(v)

user_data_text("aws_launch_template", "user_data", v) := v if not base64.is_valid(v)

from_template(r) if {
	r.type == "aws_instance"
	launched_from_template(r)
}

# A launch_template block, or one that may exist (`dynamic` over an unknown); a `dynamic` block
# over an empty list leaves none.
launched_from_template(r) if count(tf.blocks(r, "launch_template")) > 0

launched_from_template(r) if unknown.is_unknown(object.get(r.config, "launch_template", null))

spot_msg := concat(" ", [
	"%s does not require IMDSv2: a spot instance request passes neither metadata_options nor launch_template to its instance,",
	"which takes the Region's default (aws_ec2_instance_metadata_defaults) or the AMI's; launch it as an aws_instance with",
	"instance_market_options { market_type = \"spot\" }, or make \"required\" the Region's default",
])

fleet_msg := concat(" ", [
	"%s does not require IMDSv2: a spot fleet launch_specification has no metadata options, so its instances take the Region's",
	"default (aws_ec2_instance_metadata_defaults) or the AMI's; launch the fleet from a launch template that requires tokens",
	"(launch_template_config), or make \"required\" the Region's default",
])

region_default_may_require if {
	some d in tf.resources("aws_ec2_instance_metadata_defaults")
	tokens := object.get(d.config, "http_tokens", null)
	not unknown.known(tokens)
}

region_default_may_require if {
	some d in tf.resources("aws_ec2_instance_metadata_defaults")
	lower(unknown.known_string(d.config.http_tokens)) == "required"
}
