# METADATA
# title: Image Builder recipe creates an unencrypted EBS volume
# description: |
#   The block_device_mapping entries of an EC2 Image Builder image recipe (and of a container
#   recipe's instance_configuration) describe the volumes of the build instance and of the AMI
#   it produces. ebs.encrypted = false leaves that volume, its snapshot and every instance
#   launched from the image unencrypted at rest (unless EBS encryption by default is on for the
#   account, which overrides it). Only an explicit false is reported: an unset value on the root
#   device keeps the parent image's encryption.
#   The fix sets encrypted = true: EBS then encrypts with kms_key_id or the account's default
#   aws/ebs key, also when the volume is restored from an unencrypted snapshot.
# related_resources:
#   - ref: https://docs.aws.amazon.com/imagebuilder/latest/userguide/data-protection.html
#   - ref: https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/imagebuilder_image_recipe
# custom:
#   id: PAL-AWS-IMAGEBUILDER-001
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_imagebuilder_image_recipe, aws_imagebuilder_container_recipe, aws_ebs_encryption_by_default]
#   frameworks: {}
#   references: {}
#   cwe: ["CWE-311"]
#   remediation: Set ebs.encrypted = true on the block device mapping (optionally with kms_key_id).
#   fixable: true
package palisade.aws.imagebuilder.recipe_volume_unencrypted

import data.palisade.lib.fixes
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

# EBS encryption by default (enabled or unknown) in the same configuration encrypts every volume.
default_encryption_on if {
	some r in tf.resources("aws_ebs_encryption_by_default")
	not unknown.is_false(object.get(r.config, "enabled", true))
}

mappings contains {"resource": r, "path": ["block_device_mapping", i], "mapping": m} if {
	some r in tf.resources("aws_imagebuilder_image_recipe")
	some i, m in tf.blocks(r, "block_device_mapping")
}

mappings contains {"resource": r, "path": ["instance_configuration", i, "block_device_mapping", j], "mapping": m} if {
	some r in tf.resources("aws_imagebuilder_container_recipe")
	some i, config in tf.blocks(r, "instance_configuration")
	some j, m in unknown.items(object.get(config, "block_device_mapping", []))
}

deny contains fixes.finding(f.resource, f.path, message(f), fix_ops(f)) if some f in unencrypted

fix_ops(f) := [] if in_use(f.resource)

else := [result.set(f.path, true)]

message(f) := concat("", [f.msg, in_use_note]) if in_use(f.resource)

else := f.msg

unencrypted contains {"resource": t.resource, "path": path, "msg": msg} if {
	not default_encryption_on
	some t in mappings
	some k, ebs in unknown.items(object.get(t.mapping, "ebs", []))
	unknown.is_false(object.get(ebs, "encrypted", null))
	path := array.concat(t.path, ["ebs", k, "encrypted"])
	msg := sprintf("%s maps an unencrypted EBS volume (%v)", [t.resource.address, object.get(t.mapping, "device_name", "no device name")])
}

# A changed block device mapping replaces the recipe under the same name and version, and Image
# Builder refuses to delete a recipe that a pipeline or image still uses, so the apply would fail
# (terraform-provider-aws issues 39985, 40037): a recipe used here gets no fix; the owner bumps its
# version with the change.
in_use(recipe) if {
	some type in ["aws_imagebuilder_image_pipeline", "aws_imagebuilder_image"]
	some attr in ["image_recipe_arn", "container_recipe_arn"]
	count(tf.referencing(recipe.address, type, [attr])) > 0
}

in_use_note := " (no fix: a pipeline or image here uses the recipe, so replacing it under the same version fails; bump the version with the change)"
