# METADATA
# title: ECR repository does not scan images on push
# description: |
#   Without scan on push, images with known vulnerable packages are stored and deployed with
#   nobody told. Basic scanning is free and reports CVEs as soon as an image is pushed (enhanced
#   scanning at the registry level also satisfies this).
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-scanning.html
# custom:
#   id: PAL-AWS-ECR-001
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_ecr_repository, "module:terraform-aws-modules/ecr/aws"]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_163
#     trivy: AVD-AWS-0030
#     kics: 9630336b-3fed-4096-8173-b9afdfe346a7
#   remediation: Add image_scanning_configuration { scan_on_push = true }.
#   fixable: true
package palisade.aws.ecr.scan_on_push_disabled

import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

types := {"aws_ecr_repository"}

deny contains result.fail_fix(r, path, msg, [result.set(path, true)]) if {
	some r in input.resources
	r.type in types
	some i, b in tf.blocks(r, "image_scanning_configuration")
	bad(object.get(b, "scan_on_push", null))
	not registry_scans_on_push(r)
	path := ["image_scanning_configuration", i, "scan_on_push"]
	msg := sprintf("%s does not scan images on push", [r.address])
}

deny contains result.fail_fix(r, ["image_scanning_configuration"], msg, [result.add_block([], "image_scanning_configuration", {"scan_on_push": true})]) if {
	some r in input.resources
	r.type in types
	tf.missing_attr(r, ["image_scanning_configuration"])
	not registry_scans_on_push(r)
	msg := sprintf("%s does not scan images on push", [r.address])
}

# Opaque terraform-aws-modules/ecr calls: repository_image_scan_on_push (default true) becomes
# the repository's scan_on_push; only an explicit false is reported.
deny contains result.fail_fix(m, ["repository_image_scan_on_push"], msg, [result.set(["repository_image_scan_on_push"], true)]) if {
	some m in modules.ecr_repositories
	unknown.is_false(m.config.repository_image_scan_on_push)
	msg := sprintf("%s does not scan images on push", [m.address])
}

bad(null) := true

bad(v) if unknown.is_false(v)

# A registry scanning rule (aws_ecr_registry_scanning_configuration, one per account and Region)
# that scans a repository on push, or continuously under enhanced scanning, applies whatever the
# repository's own image_scanning_configuration says. An unknown frequency or filter counts as
# covering.
registry_scans_on_push(r) if {
	some c in tf.resources("aws_ecr_registry_scanning_configuration")
	some scan_rule in tf.blocks(c, "rule")
	scans_on_push(c, object.get(scan_rule, "scan_frequency", null))
	some f in unknown.items(object.get(scan_rule, "repository_filter", []))
	filter_matches(object.get(f, "filter", null), object.get(r.config, "name", null))
}

scans_on_push(_, "SCAN_ON_PUSH")

scans_on_push(c, "CONTINUOUS_SCAN") if object.get(c.config, "scan_type", null) != "BASIC"

scans_on_push(_, frequency) if unknown.is_unknown(frequency)

filter_matches(filter, _) if unknown.is_unknown(filter)

filter_matches("*", _)

# ECR's filters: without a wildcard a filter matches every name that contains it; `*` stands for
# any run of characters.
filter_matches(filter, name) if {
	is_string(filter)
	not contains(filter, "*")
	contains(unknown.known_string(name), filter)
}

filter_matches(filter, name) if {
	is_string(filter)
	contains(filter, "*")
	pattern := replace(replace(filter, ".", `\.`), "*", ".*")
	regex.match(concat("", ["^", pattern, "$"]), unknown.known_string(name))
}
