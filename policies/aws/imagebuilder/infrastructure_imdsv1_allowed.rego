# METADATA
# title: Image Builder build and test instances accept IMDSv1
# description: |
#   An aws_imagebuilder_infrastructure_configuration's instance_metadata_options.http_tokens sets
#   the instance metadata options of the EC2 instances Image Builder launches to build and test an
#   image. "optional" lets those instances answer IMDSv1 requests, which need no session token: a
#   server-side request forgery or an open proxy in anything the build installs or runs can read
#   the instance profile's credentials (which may write to the image's S3 logs, distribute AMIs or
#   read the recipe's secrets). "required" accepts IMDSv2 only. Reported: http_tokens known to be
#   "optional"; a block or an argument left out is not judged.
# related_resources:
#   - ref: https://docs.aws.amazon.com/imagebuilder/latest/APIReference/API_InstanceMetadataOptions.html
#   - ref: https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-instance-metadata-service.html
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/imagebuilder_infrastructure_configuration
# custom:
#   id: PAL-AWS-IMAGEBUILDER-002
#   severity: medium
#   formats: [terraform]
#   resource_types:
#     - aws_imagebuilder_infrastructure_configuration
#     - aws_imagebuilder_component
#     - aws_imagebuilder_image_recipe
#     - aws_imagebuilder_container_recipe
#     - aws_imagebuilder_image_pipeline
#     - aws_imagebuilder_image
#   frameworks: {}
#   references: {}
#   cwe: ["CWE-918"]
#   remediation: >-
#     Set instance_metadata_options { http_tokens = "required" } (with http_put_response_hop_limit
#     = 2 or more for container image builds) once the components read the metadata service with
#     a token.
#   fixable: true
package palisade.aws.imagebuilder.infrastructure_imdsv1_allowed

# Session 23, helper F1. The fix sets "required", as PAL-AWS-EC2-001 does for instances: the
# provider updates the infrastructure configuration in place (UpdateInfrastructureConfiguration;
# the next build launches with IMDSv2 only), and nothing is billed. It is withheld when a build
# the configuration shows could break:
#   - a component of the unit whose document reads 169.254.169.254 or cannot be read (file(),
#     a variable, an S3 uri): like EC2-001's user data, a script that calls the metadata service
#     without a token fails under "required" (AWS managed components and the AWS CLI use tokens);
#   - an image recipe of the unit whose user_data_base64 (run when the build instance launches)
#     is known and reads the metadata service without asking for a token, as EC2-001 reads user
#     data (session 23, R5; user data the scan cannot know keeps the fix, as there);
#   - a container recipe in the unit (or an image or pipeline whose container_recipe_arn is set)
#     while http_put_response_hop_limit is not known to be 2 or more: Image Builder documents
#     that container builds need two hops once tokens are required.
# An unknown http_tokens or a dynamic block is not judged.

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

candidates contains {"r": r, "options": options, "path": ["instance_metadata_options", i, "http_tokens"]} if {
	some r in tf.resources("aws_imagebuilder_infrastructure_configuration")
	some i, options in tf.blocks(r, "instance_metadata_options")
	lower(unknown.known_string(object.get(options, "http_tokens", null))) == "optional"
}

msg(r) := sprintf("%s lets its build and test instances answer IMDSv1 requests (http_tokens = \"optional\")", [r.address])

deny contains result.fail(c.r, c.path, sprintf("%s; no fix: %s", [msg(c.r), imds_reason])) if {
	some c in candidates
}

deny contains result.fail(c.r, c.path, sprintf("%s; no fix: %s", [msg(c.r), container_reason])) if {
	not imds_reason
	container_build
	some c in candidates
	not two_hops(c.options)
}

deny contains result.fail_fix(c.r, c.path, msg(c.r), [result.set(c.path, "required")]) if {
	not imds_reason
	not container_build
	some c in candidates
}

deny contains result.fail_fix(c.r, c.path, msg(c.r), [result.set(c.path, "required")]) if {
	not imds_reason
	container_build
	some c in candidates
	two_hops(c.options)
}

imds_reason := component_reason if {
	component_reads_imds
} else := recipe_reason if {
	recipe_user_data_reads_imds
}

component_reason := "a component here reads the metadata service, or its document cannot be read"

recipe_reason := "an image recipe's user data reads the metadata service without a token"

container_reason := "container builds need http_put_response_hop_limit = 2 or more once tokens are required"

component_reads_imds if {
	some c in tf.resources("aws_imagebuilder_component")
	not readable_without_imds(c)
}

readable_without_imds(c) if {
	data_text := unknown.known_string(object.get(c.config, "data", null))
	not contains(data_text, "169.254.169.254")
	not contains(data_text, "fd00:ec2::254")
}

recipe_user_data_reads_imds if {
	some r in tf.resources("aws_imagebuilder_image_recipe")
	encoded := unknown.known_string(object.get(r.config, "user_data_base64", null))
	base64.is_valid(encoded)
	text := base64.decode(encoded)
	some address in ["169.254.169.254", "fd00:ec2::254"]
	contains(text, address)
	not contains(lower(text), "x-aws-ec2-metadata-token")
}

container_build if count(tf.resources("aws_imagebuilder_container_recipe")) > 0

container_build if {
	some t in ["aws_imagebuilder_image_pipeline", "aws_imagebuilder_image"]
	some p in tf.resources(t)
	object.get(p.config, "container_recipe_arn", null) != null
}

two_hops(options) if unknown.known_number(object.get(options, "http_put_response_hop_limit", null)) >= 2
