# METADATA
# title: ECR Public repository policy lets anyone push or change the repository
# description: |
#   Everyone can already pull from an ECR Public repository; its repository policy only grants the
#   rest — pushing images (ecr-public:PutImage, InitiateLayerUpload, UploadLayerPart,
#   CompleteLayerUpload), deleting them, changing the repository's catalog data or policy. An Allow
#   statement whose principal is "*" (or {"AWS": "*"}, or an Allow with NotPrincipal), that no
#   condition scopes to an organization or account, and whose actions go beyond describing the
#   repository lets any AWS account replace the images that every consumer of the public
#   repository pulls. Statements that only read (Describe*, Get*, List*, BatchGet*,
#   BatchCheck*) are not reported. Opaque terraform-aws-modules/ecr calls with
#   repository_type = "public" are checked through repository_read_write_access_arns (the
#   module grants those principals push) or, with create_repository_policy = false, the
#   repository_policy they attach.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonECR/latest/public/public-repository-policies.html
#   - ref: https://docs.aws.amazon.com/AmazonECR/latest/public/public-repository-policy-examples.html
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ecrpublic_repository_policy
# custom:
#   id: PAL-AWS-ECR-004
#   severity: critical
#   formats: [terraform]
#   resource_types: [aws_ecrpublic_repository_policy, "module:terraform-aws-modules/ecr/aws"]
#   frameworks: {}
#   references: {}
#   cwe: ["CWE-732"]
#   remediation: Name the accounts or roles that publish to the repository; pulling needs no policy statement.
#   fixable: false
#   allow_unknown: true
package palisade.aws.ecr.public_repository_policy_open_write

# No fix: the publishers are not in the configuration, and no principal the author named is
# removed. One finding per document, on the attribute holding it; each open statement that writes
# is related.

import data.palisade.lib.iam
import data.palisade.lib.modules
import data.palisade.lib.resource_policy
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

deny contains result.with_related(result.fail(r, ["policy"], msg), related) if {
	some r in tf.resources("aws_ecrpublic_repository_policy")
	entries := [e |
		some e in resource_policy.any_principal_statements(resource_policy.document(r.config.policy))
		writes(e.statement)
	]
	count(entries) > 0
	related := [result.related(r, array.concat(["policy"], array.concat(e.path, ["Principal"])), "open to any principal") | some e in entries]
	msg := sprintf("the policy of %s allows %s to any principal", [r.address, concat(", ", [action_label(e.statement) | some e in entries])])
}

# Opaque terraform-aws-modules/ecr calls for a public repository always attach a policy: the one the
# module builds (create_repository_policy, default true) grants repository_read_write_access_arns
# the push actions, so "*" there lets anyone push; with create_repository_policy = false the call's
# repository_policy is attached as given and judged like a resource's.
deny contains result.fail(m, ["repository_read_write_access_arns"], msg) if {
	some m in modules.ecr_public_repositories
	object.get(m.config, "create_repository_policy", true) != false
	"*" in unknown.items(object.get(m.config, "repository_read_write_access_arns", []))
	msg := sprintf("%s lets any principal push to its public repository (repository_read_write_access_arns holds \"*\")", [m.address])
}

deny contains result.with_related(result.fail(m, ["repository_policy"], msg), related) if {
	some m in modules.ecr_public_repositories
	m.config.create_repository_policy == false
	entries := [e |
		some e in resource_policy.any_principal_statements(resource_policy.document(m.config.repository_policy))
		writes(e.statement)
	]
	count(entries) > 0
	related := [result.related(m, array.concat(["repository_policy"], array.concat(e.path, ["Principal"])), "open to any principal") | some e in entries]
	msg := sprintf("the repository policy of %s allows %s to any principal", [m.address, concat(", ", [action_label(e.statement) | some e in entries])])
}

# writes(s): some action is not a read-only one (a wildcard such as "ecr-public:*" or "*" is not;
# an unknown action is not counted), or the statement grants through NotAction.
writes(s) if {
	some a in iam.actions(s)
	is_string(a)
	not contains(a, "<unknown>")
	not read_only(a)
}

writes(s) if count(iam.not_actions(s)) > 0

read_only(a) if {
	is_string(a)
	action := lower(a)
	some prefix in ["ecr-public:describe", "ecr-public:get", "ecr-public:list", "ecr-public:batchget", "ecr-public:batchcheck"]
	startswith(action, prefix)
}

action_label(s) := resource_policy.action_labels(s) if count(iam.actions(s)) > 0

else := "every action but those NotAction names"
