package palisade.aws.codebuild.project_privileged_mode_test

import data.palisade.aws.codebuild.project_privileged_mode as rule

project(environment) := {"resources": [{
	"address": "aws_codebuild_project.build", "type": "aws_codebuild_project", "name": "build", "references": [],
	"config": {"name": "build", "environment": [environment]},
}]}

env(extra) := object.union({"compute_type": "BUILD_GENERAL1_SMALL", "image": "aws/codebuild/standard:7.0", "type": "LINUX_CONTAINER"}, extra)

test_fires_on_privileged_mode if {
	rule.warn == {{
		"msg": "aws_codebuild_project.build runs its builds in privileged mode",
		"resource": "aws_codebuild_project.build", "path": ["environment", 0, "privileged_mode"],
	}} with input as project(env({"privileged_mode": true}))
	count(rule.warn) == 1 with input as project(env({"privileged_mode": "true"}))
}

test_passes_when_off_or_unset if {
	count(rule.warn) == 0 with input as project(env({"privileged_mode": false}))
	count(rule.warn) == 0 with input as project(env({}))
}

test_unknown_does_not_fire if {
	count(rule.warn) == 0 with input as project(env({"privileged_mode": {"$unknown": "var.privileged"}}))
	count(rule.warn) == 0 with input as {"resources": [{
		"address": "aws_codebuild_project.build", "type": "aws_codebuild_project", "name": "build", "references": [],
		"config": {"environment": {"$unknown": "var.environment"}},
	}]}
}
