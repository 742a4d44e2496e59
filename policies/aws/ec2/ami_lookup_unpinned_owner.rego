# METADATA
# title: AMI lookup picks the newest matching image from any owner
# description: |
#   A data "aws_ami" lookup with most_recent = true that pins no owner searches every public AMI in
#   the Region. Anyone can register a public AMI under any name, description or architecture, so the
#   next one published that matches (usually a "name" filter or name_regex) with a later creation
#   date (AMI name squatting, "whoAMI") becomes the image the instances or launch templates using
#   this lookup boot, running its owner's code with the instance's role. Reported when such a lookup
#   is used by an instance, launch template or configuration, spot request or fleet, AMI copy, Image
#   Builder recipe, Batch compute environment, EMR cluster or a module call. Pinned (not reported):
#   owners set (the AWS provider's own test), or a filter on owner-id, owner-alias, image-id or
#   product-code (AWS Marketplace attaches product codes; a publisher cannot claim another's). A
#   filter on a tag is not judged either: EC2 tags belong to the account that sets them, so such a
#   lookup most likely matches only images this account tagged. The AWS provider warns about the
#   same lookup in late 5.x releases (its pull request 40211) and refuses it from v6.0 unless
#   allow_unsafe_filter = true.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/finding-an-ami.html
#   - ref: https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ec2-allowed-amis.html
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/data-sources/ami
# custom:
#   id: PAL-AWS-EC2-017
#   severity: high
#   formats: [terraform]
#   resource_types: [aws_ami]
#   frameworks: {}
#   references: {}
#   cwe: ["CWE-494"]
#   remediation: >-
#     Set owners to the publisher's account ID or alias (amazon, self, the vendor's account) and drop
#     allow_unsafe_filter; consider the account's Allowed AMIs setting.
#   fixable: false
package palisade.aws.ec2.ami_lookup_unpinned_owner

# Session 22's CKV2_AWS_79 gap. Checkov's check fails only allow_unsafe_filter = true (pinned or
# not) and passes the same lookup without the argument, so its id is not cited. No fix: the
# publisher's account differs by vendor and partition (Canonical's ID in the commercial
# partition is not GovCloud's), and guessing it from the name pattern is not least privilege.

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

deny contains result.fail(d, ["most_recent"], msg) if {
	some d in tf.data_sources("aws_ami")
	unknown.is_true(object.get(d.config, "most_recent", false))
	not pinned(d)
	used(d)
	msg := sprintf("%s picks the newest matching AMI from any owner: anyone can publish a public AMI that matches it", [d.address])
}

# owners given (a list, or an unknown that may be one); an empty list pins nothing.
pinned(d) if unknown.is_unknown(object.get(d.config, "owners", null))

pinned(d) if {
	owners := object.get(d.config, "owners", [])
	is_array(owners)
	count(owners) > 0
}

# The filters as a whole, or one's name, unknown (a dynamic block): may pin.
pinned(d) if unknown.is_unknown(object.get(d.config, "filter", null))

pinned(d) if {
	some f in tf.blocks(d, "filter")
	name := object.get(f, "name", null)
	pinning_filter(name)
}

pinning_filter(name) if unknown.is_unknown(name)

pinning_filter(name) if name in {"owner-id", "owner-alias", "image-id", "product-code", "tag-key"}

pinning_filter(name) if startswith(name, "tag:")

# Where an AMI ID goes: the types that launch or copy an image from it.
launch_types := {
	"aws_instance", "aws_launch_template", "aws_launch_configuration", "aws_spot_instance_request",
	"aws_spot_fleet_request", "aws_ami_copy", "aws_imagebuilder_image_recipe",
	"aws_batch_compute_environment", "aws_emr_cluster",
}

used(d) if {
	some t in launch_types
	some r in tf.resources(t)
	some ref in r.references
	tf.refers_to(ref.target, d.address)
}

# A module call passing the lookup's ID in one of its arguments (ami = data.aws_ami.x.id).
used(d) if {
	some m in object.get(input, "modules", [])
	some v in m.config
	some text in argument_texts(v)
	tf.names(m.address, text, d.address)
}

argument_texts(v) := {v["$unknown"]} if unknown.is_unknown(v)

else := {item["$unknown"] | some item in v; unknown.is_unknown(item)} if is_array(v)

else := set()
