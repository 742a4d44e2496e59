package palisade.aws.codebuild.project_source_url_credentials_test

import data.palisade.aws.codebuild.project_source_url_credentials as rule

project(extra) := {"resources": [{
	"address": "aws_codebuild_project.build", "type": "aws_codebuild_project", "name": "build", "references": [],
	"config": object.union({"name": "build"}, extra),
}]}

source(location) := {"source": [{"type": "GITHUB", "location": location}]}

test_fires_on_user_and_password if {
	rule.deny == {{
		"msg": "aws_codebuild_project.build has credentials written into its source URL (https://alice:***@bitbucket.org/team/app.git)",
		"resource": "aws_codebuild_project.build", "path": ["source", 0, "location"],
	}} with input as project(source("https://alice:s3cr3t-pass@bitbucket.org/team/app.git"))
}

test_fires_on_token_as_user if {
	count(rule.deny) == 1 with input as project(source("https://ghp_1234567890abcdefghijklmnopqrstuvwxyz12@github.com/org/app.git"))
	count(rule.deny) == 1 with input as project(source("https://oauth2:glpat-abcdefghij0123456789@gitlab.com/org/app.git"))
}

test_fires_on_secondary_source if {
	findings := rule.deny with input as project({
		"source": [{"type": "GITHUB", "location": "https://github.com/org/app.git"}],
		"secondary_sources": [{"type": "GITHUB", "source_identifier": "lib", "location": "https://x-access-token:ghs_abcdefghijklmnop@github.com/org/lib.git"}],
	})
	count(findings) == 1
	some f in findings
	f.path == ["secondary_sources", 0, "location"]
}

# A user name alone (Bitbucket's clone URLs carry one) is not a credential; CodeBuild then signs
# in with the account's source credential or connection.
test_passes_without_credentials if {
	count(rule.deny) == 0 with input as project(source("https://github.com/org/app.git"))
	count(rule.deny) == 0 with input as project(source("https://alice@bitbucket.org/team/app.git"))
	count(rule.deny) == 0 with input as project(source("git@github.com:org/app.git"))
	count(rule.deny) == 0 with input as project({"source": [{"type": "S3", "location": "artifacts-bucket/app.zip"}]})
}

# A token Terraform only knows at apply time is not written down.
test_unknown_location_passes if {
	count(rule.deny) == 0 with input as project(source({"$unknown": "\"https://${var.token}@github.com/org/app.git\""}))
}

# A password taken from a variable still ends up in the project's stored source location (which
# CodeBuild.1 judges, and which codebuild:BatchGetProjects shows) and in the state: the URL's
# written form says it is a password (review of round 28).
test_fires_on_password_from_a_variable if {
	rule.deny == {{
		"msg": "aws_codebuild_project.build has credentials written into its source URL (https://oauth2:***@gitlab.com/org/app.git)",
		"resource": "aws_codebuild_project.build", "path": ["source", 0, "location"],
	}} with input as project(source({"$unknown": "\"https://oauth2:${var.gitlab_token}@gitlab.com/org/app.git\""}))
	count(rule.deny) == 1 with input as project(source({"$unknown": "\"https://${var.user}:${var.password}@bitbucket.org/team/app.git\""}))
}

# A password holding a raw "@" (invalid in a URL, yet written so): the host starts after
# the last "@" of the authority, and no part of the password reaches the message.
test_message_hides_a_password_with_at_sign if {
	some f in rule.deny with input as project(source("https://bot:pa@ss@github.com/org/app.git"))
	f.msg == "aws_codebuild_project.build has credentials written into its source URL (https://bot:***@github.com/org/app.git)"
}

# GitHub's classic personal access tokens before 2021 were 40 hexadecimal characters.
test_fires_on_classic_github_token_as_user if {
	count(rule.deny) == 1 with input as project(source("https://0123456789abcdef0123456789abcdef01234567@github.com/org/app.git"))
}

test_fires_with_at_sign_in_path if {
	count(rule.deny) == 1 with input as project(source("https://bot:secret@github.com/org/app@v2.git"))
	count(rule.deny) == 0 with input as project(source("https://github.com/org/app@v2.git"))
}
