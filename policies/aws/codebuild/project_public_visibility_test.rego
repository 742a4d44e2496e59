package palisade.aws.codebuild.project_public_visibility_test

import data.palisade.aws.codebuild.project_public_visibility as rule

project(config) := {"address": "aws_codebuild_project.p", "type": "aws_codebuild_project", "name": "p", "config": object.union({"name": "p"}, config), "references": []}

test_public_read_fires if {
	rule.deny == {{"msg": "aws_codebuild_project.p makes its build results, logs and artifacts public", "resource": "aws_codebuild_project.p", "path": ["project_visibility"]}} with input as {"resources": [project({"project_visibility": "PUBLIC_READ"})]}
}

test_private_or_default_passes if {
	count(rule.deny) == 0 with input as {"resources": [project({"project_visibility": "PRIVATE"})]}
	count(rule.deny) == 0 with input as {"resources": [project({})]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [project({"project_visibility": {"$unknown": "var.visibility"}})]}
}
