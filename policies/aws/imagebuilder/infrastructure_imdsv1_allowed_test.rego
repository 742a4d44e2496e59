package palisade.aws.imagebuilder.infrastructure_imdsv1_allowed_test

import data.palisade.aws.imagebuilder.infrastructure_imdsv1_allowed as rule

infra(options) := {
	"address": "aws_imagebuilder_infrastructure_configuration.b", "type": "aws_imagebuilder_infrastructure_configuration",
	"name": "b", "config": {"name": "b", "instance_metadata_options": [options]}, "references": [],
}

component(data_value) := {
	"address": "aws_imagebuilder_component.c", "type": "aws_imagebuilder_component",
	"name": "c", "config": {"name": "c", "data": data_value}, "references": [],
}

pipeline(config) := {
	"address": "aws_imagebuilder_image_pipeline.p", "type": "aws_imagebuilder_image_pipeline",
	"name": "p", "config": config, "references": [],
}

container_recipe := {
	"address": "aws_imagebuilder_container_recipe.r", "type": "aws_imagebuilder_container_recipe",
	"name": "r", "config": {"name": "r"}, "references": [],
}

path := ["instance_metadata_options", 0, "http_tokens"]

test_optional_fires_with_set if {
	rule.deny == {{
		"msg": "aws_imagebuilder_infrastructure_configuration.b lets its build and test instances answer IMDSv1 requests (http_tokens = \"optional\")",
		"resource": "aws_imagebuilder_infrastructure_configuration.b", "path": path,
		"fix": [{"op": "set", "path": path, "value": "required"}],
	}} with input as {"resources": [infra({"http_tokens": "optional"}), component("steps: [yum -y update]")]}
}

test_required_unknown_or_left_out_passes if {
	count(rule.deny) == 0 with input as {"resources": [infra({"http_tokens": "required"})]}
	count(rule.deny) == 0 with input as {"resources": [infra({"http_put_response_hop_limit": 1})]}
	count(rule.deny) == 0 with input as {"resources": [infra({"http_tokens": {"$unknown": "var.tokens"}})]}
}

test_component_reading_imds_withholds_the_fix if {
	some f in rule.deny with input as {"resources": [infra({"http_tokens": "optional"}), component("curl http://169.254.169.254/latest/meta-data/instance-id")]}
	not f.fix
	endswith(f.msg, "no fix: a component here reads the metadata service, or its document cannot be read")
	some g in rule.deny with input as {"resources": [infra({"http_tokens": "optional"}), component({"$unknown": "file(\"component.yml\")"})]}
	not g.fix
}

test_container_build_needs_two_hops if {
	some f in rule.deny with input as {"resources": [infra({"http_tokens": "optional", "http_put_response_hop_limit": 1}), container_recipe]}
	not f.fix
	endswith(f.msg, "no fix: container builds need http_put_response_hop_limit = 2 or more once tokens are required")
	some g in rule.deny with input as {"resources": [infra({"http_tokens": "optional"}), pipeline({"container_recipe_arn": {"$unknown": "var.recipe"}})]}
	not g.fix
	some h in rule.deny with input as {"resources": [infra({"http_tokens": "optional", "http_put_response_hop_limit": 2}), container_recipe]}
	h.fix == [{"op": "set", "path": path, "value": "required"}]
}

test_image_pipeline_keeps_the_fix if {
	some f in rule.deny with input as {"resources": [infra({"http_tokens": "optional"}), pipeline({"image_recipe_arn": "arn:aws:imagebuilder:us-east-1:123456789012:image-recipe/r/1.0.0"})]}
	f.fix == [{"op": "set", "path": path, "value": "required"}]
}

recipe(config) := {
	"address": "aws_imagebuilder_image_recipe.r", "type": "aws_imagebuilder_image_recipe",
	"name": "r", "config": config, "references": [],
}

test_recipe_user_data_reading_imds_withholds_the_fix if {
	script := "#!/bin/bash\nREGION=$(curl -s http://169.254.169.254/latest/meta-data/placement/region)\n"
	some f in rule.deny with input as {"resources": [infra({"http_tokens": "optional"}), recipe({"user_data_base64": base64.encode(script)})]}
	not f.fix
	endswith(f.msg, "no fix: an image recipe's user data reads the metadata service without a token")
}

test_recipe_user_data_with_a_token_or_unknown_keeps_the_fix if {
	token := "TOKEN=$(curl -X PUT http://169.254.169.254/latest/api/token -H \"X-aws-ec2-metadata-token-ttl-seconds: 60\")\n"
	some f in rule.deny with input as {"resources": [infra({"http_tokens": "optional"}), recipe({"user_data_base64": base64.encode(token)})]}
	f.fix == [{"op": "set", "path": path, "value": "required"}]
	some g in rule.deny with input as {"resources": [infra({"http_tokens": "optional"}), recipe({"user_data_base64": {"$unknown": "var.user_data"}})]}
	g.fix == [{"op": "set", "path": path, "value": "required"}]
	some h in rule.deny with input as {"resources": [infra({"http_tokens": "optional"}), recipe({"user_data_base64": base64.encode("yum -y update\n")})]}
	h.fix == [{"op": "set", "path": path, "value": "required"}]
}
