package palisade.aws.imagebuilder.recipe_volume_unencrypted_test

import data.palisade.aws.imagebuilder.recipe_volume_unencrypted as rule

recipe(ebs) := {"address": "aws_imagebuilder_image_recipe.web", "type": "aws_imagebuilder_image_recipe", "name": "web", "config": {"name": "web", "version": "1.0.0", "parent_image": "arn:aws:imagebuilder:eu-west-1:aws:image/amazon-linux-2-x86/x.x.x", "block_device_mapping": [{"device_name": "/dev/xvdb", "ebs": [ebs]}]}, "references": []}

path := ["block_device_mapping", 0, "ebs", 0, "encrypted"]

test_fires_on_encrypted_false if {
	rule.deny == {{"msg": "aws_imagebuilder_image_recipe.web maps an unencrypted EBS volume (/dev/xvdb)", "resource": "aws_imagebuilder_image_recipe.web", "path": path, "fix": [{"op": "set", "path": path, "value": true}]}} with input as {"resources": [recipe({"encrypted": false, "volume_size": 100})]}
	count(rule.deny) == 1 with input as {"resources": [recipe({"encrypted": "false"})]}
}

# Unset keeps the parent image's (or snapshot's) encryption: not reported.
test_passes_when_encrypted_or_unset if {
	count(rule.deny) == 0 with input as {"resources": [recipe({"encrypted": true})]}
	count(rule.deny) == 0 with input as {"resources": [recipe({"volume_size": 100})]}
	count(rule.deny) == 0 with input as {"resources": [recipe({"encrypted": {"$unknown": "var.encrypted"}})]}
}

test_container_recipe if {
	r := {"address": "aws_imagebuilder_container_recipe.app", "type": "aws_imagebuilder_container_recipe", "name": "app", "config": {"instance_configuration": [{"block_device_mapping": [{"device_name": "/dev/xvda", "ebs": [{"encrypted": false}]}]}]}, "references": []}
	p := ["instance_configuration", 0, "block_device_mapping", 0, "ebs", 0, "encrypted"]
	{f.path | some f in rule.deny} == {p} with input as {"resources": [r]}
}

test_default_encryption_covers if {
	on := {"address": "aws_ebs_encryption_by_default.this", "type": "aws_ebs_encryption_by_default", "name": "this", "config": {"enabled": true}, "references": []}
	count(rule.deny) == 0 with input as {"resources": [recipe({"encrypted": false}), on]}
}

# A recipe a pipeline (or image) uses is replaced under the same version by the change, which Image
# Builder refuses while the pipeline holds it: the finding stays, without a fix.
test_recipe_in_use_gets_no_fix if {
	pipeline := {"address": "aws_imagebuilder_image_pipeline.web", "type": "aws_imagebuilder_image_pipeline", "name": "web", "config": {"name": "web"}, "references": [{"path": ["image_recipe_arn"], "target": "aws_imagebuilder_image_recipe.web"}]}
	findings := rule.deny with input as {"resources": [recipe({"encrypted": false}), pipeline]}
	count(findings) == 1
	every f in findings {
		not f.fix
		endswith(f.msg, "bump the version with the change)")
	}
}
