# METADATA
# title: CodeBuild project ignores TLS certificate errors of its source
# description: |
#   With insecure_ssl = true in a source or secondary source, CodeBuild ignores TLS warnings when it
#   connects to the source repository, so anyone on the path can serve a forged repository and run
#   their code in the build, with the project's role and secrets. The option exists for servers
#   (GitHub Enterprise Server) with self-signed certificates; the safe way is to give the build
#   environment that certificate (environment.certificate) instead of turning the checks off.
# related_resources:
#   - ref: https://docs.aws.amazon.com/codebuild/latest/APIReference/API_ProjectSource.html
#   - ref: https://docs.aws.amazon.com/codebuild/latest/userguide/create-project-cli.html
# custom:
#   id: PAL-AWS-CODEBUILD-008
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_codebuild_project]
#   frameworks: {}
#   references: {}
#   cwe: ["CWE-295"]
#   remediation: >-
#     Set insecure_ssl = false (the default) and, for a server with a private certificate
#     authority, give the build environment that certificate (environment.certificate).
#   fixable: true
package palisade.aws.codebuild.source_insecure_ssl

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

# Round 44 (ElectricEye's CodeBuild.2 reads the same switch on the primary source). Removing the
# argument restores the provider's default (false), the least privilege for every reader: a build
# that fetched from a server whose certificate does not verify was trusting any server.
deny contains result.fail_fix(r, path, msg, [result.remove(path)]) if {
	some r in tf.resources("aws_codebuild_project")
	some block in ["source", "secondary_sources"]
	some i, s in tf.blocks(r, block)
	unknown.is_true(object.get(s, "insecure_ssl", false))
	path := [block, i, "insecure_ssl"]
	msg := sprintf("%s fetches its %s without checking the server's TLS certificate (insecure_ssl = true)", [r.address, label[block]])
}

label := {"source": "source", "secondary_sources": "secondary source"}
