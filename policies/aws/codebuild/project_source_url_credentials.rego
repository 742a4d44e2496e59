# METADATA
# title: CodeBuild project source URL contains credentials
# description: |
#   The location of a CodeBuild source (or secondary source) is a repository URL with a user name
#   and password, or a personal access token, written before the host
#   (https://user:token@github.com/...). The token is then stored in the project's configuration,
#   in the repository that holds this Terraform and in every plan and state file, where anyone who
#   reads them can use it against the source provider. AWS Security Hub control CodeBuild.1 checks
#   for exactly this. CodeBuild signs in to GitHub, GitHub Enterprise, GitLab and Bitbucket with a
#   source credential (aws_codebuild_source_credential, kept encrypted by CodeBuild) or an AWS
#   CodeConnections connection instead. A password interpolated from a variable
#   (https://oauth2:${var.token}@...) is reported too: it is stored in the project all the same. A
#   user name alone (Bitbucket's clone URLs carry one) is not reported, nor a location that is
#   wholly a variable, nor https://${var.x}@... (a user name, for all the configuration says).
# related_resources:
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/codebuild-controls.html#codebuild-1
#   - ref: https://docs.aws.amazon.com/codebuild/latest/userguide/access-tokens.html
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/codebuild_source_credential
# custom:
#   id: PAL-AWS-CODEBUILD-005
#   severity: critical
#   formats: [terraform]
#   resource_types: [aws_codebuild_project]
#   frameworks:
#     nist-800-53: [IA-5(7)]
#     pci-dss-4.0: ["8.3.2"]
#   references: {}
#   cwe: ["CWE-798"]
#   remediation: |
#     Remove the credentials from the URL, revoke the exposed token, and let CodeBuild sign in with
#     an aws_codebuild_source_credential (token from a variable without a default or a secret
#     store) or an AWS CodeConnections connection.
#   fixable: false
package palisade.aws.codebuild.project_source_url_credentials

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

# No fix: the token has to be revoked and a source credential or connection set up in its place;
# dropping it from the URL alone would leave a private repository unreadable.
deny contains result.fail(r, [block, i, "location"], msg) if {
	some r in tf.resources("aws_codebuild_project")
	some block in ["source", "secondary_sources"]
	some i, src in tf.blocks(r, block)
	location := written_location(object.get(src, "location", null))
	[scheme, userinfo, rest] := url_parts(location)
	credential(userinfo)
	msg := sprintf("%s has credentials written into its source URL (%s://%s@%s)", [r.address, scheme, masked(userinfo), rest])
}

# written_location(v): the location as written. A quoted template that interpolates part of it
# (`"https://oauth2:${var.token}@gitlab.com/..."`) is read with each interpolation as "${}": a
# password from a variable is still stored in the project's source location and in the state. A
# location that is wholly a reference or a call stays unread.
written_location(v) := unknown.known_string(v)

written_location(v) := trim_suffix(trim_prefix(text, `"`), `"`) if {
	text := unknown.literal_text(v)
	startswith(text, `"`)
}

# url_parts(url): [scheme, userinfo, rest] of a URL with a userinfo part before the host. The
# userinfo (no "/") runs to the authority's last "@", so a raw "@" in a password stays inside it (and out
# of the message).
url_parts(url) := [m[1], m[2], m[3]] if {
	some m in regex.find_all_string_submatch_n(`^([A-Za-z][A-Za-z0-9+.-]*)://([^/\s]+)@(.*)$`, url, 1)
}

# user:password, with a non-empty password.
credential(userinfo) if {
	parts := split(userinfo, ":")
	count(parts) > 1
	concat(":", array.slice(parts, 1, count(parts))) != ""
}

# A token given as the user name: GitHub personal, OAuth, app and fine-grained tokens, GitLab
# personal access tokens, and GitHub's classic 40-hex-digit tokens (no user name looks so).
credential(userinfo) if regex.match(`^(ghp_|gho_|ghu_|ghs_|ghr_|github_pat_|glpat-)[A-Za-z0-9_-]+$`, userinfo)

credential(userinfo) if regex.match(`^[0-9a-f]{40}$`, userinfo)

# The message keeps the user name and hides the secret.
masked(userinfo) := sprintf("%s:***", [split(userinfo, ":")[0]]) if contains(userinfo, ":")

masked(userinfo) := "***" if not contains(userinfo, ":")
