package palisade.aws.codebuild.source_insecure_ssl_test

import data.palisade.aws.codebuild.source_insecure_ssl as rule

project(config) := {"resources": [{
	"address": "aws_codebuild_project.build", "type": "aws_codebuild_project", "name": "build", "references": [],
	"config": object.union({"name": "build"}, config),
}]}

ghe(extra) := object.union({"type": "GITHUB_ENTERPRISE", "location": "https://git.example.com/app.git"}, extra)

test_fires_on_insecure_source if {
	rule.deny == {{
		"msg": "aws_codebuild_project.build fetches its source without checking the server's TLS certificate (insecure_ssl = true)",
		"resource": "aws_codebuild_project.build", "path": ["source", 0, "insecure_ssl"],
		"fix": [{"op": "remove", "path": ["source", 0, "insecure_ssl"]}],
	}} with input as project({"source": [ghe({"insecure_ssl": true})]})
	count(rule.deny) == 1 with input as project({"source": [ghe({"insecure_ssl": "true"})]})
}

test_fires_on_insecure_secondary_source if {
	[f.path | some f in rule.deny] == [["secondary_sources", 1, "insecure_ssl"]] with input as project({
		"source": [ghe({})],
		"secondary_sources": [ghe({"source_identifier": "a"}), ghe({"source_identifier": "b", "insecure_ssl": true})],
	})
}

test_passes_when_off_or_unset if {
	count(rule.deny) == 0 with input as project({"source": [ghe({"insecure_ssl": false})]})
	count(rule.deny) == 0 with input as project({"source": [ghe({})]})
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as project({"source": [ghe({"insecure_ssl": {"$unknown": "var.insecure"}})]})
	count(rule.deny) == 0 with input as project({"source": {"$unknown": "var.source"}})
}
