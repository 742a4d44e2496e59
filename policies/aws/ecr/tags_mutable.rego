# METADATA
# title: ECR repository allows image tags to be overwritten
# description: |
#   With mutable tags anyone who can push can silently replace the image behind a tag such as
#   v1.4.2 or prod, so what is deployed is no longer what was reviewed and scanned. Immutable tags
#   make a tag always mean the same image.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-tag-mutability.html
# custom:
#   id: PAL-AWS-ECR-002
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_ecr_repository, "module:terraform-aws-modules/ecr/aws"]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_51
#     trivy: AVD-AWS-0031
#     kics: d1846b12-20c5-4d45-8798-fc35b79268eb
#   remediation: Set image_tag_mutability = "IMMUTABLE".
#   fixable: true
package palisade.aws.ecr.tags_mutable

import data.palisade.lib.modules
import data.palisade.lib.result

types := {"aws_ecr_repository"}

ok_values := {"IMMUTABLE", "IMMUTABLE_WITH_EXCLUSION"}

deny contains result.fail_fix(r, ["image_tag_mutability"], msg, [result.set(["image_tag_mutability"], "IMMUTABLE")]) if {
	some r in input.resources
	r.type in types
	bad(object.get(r.config, "image_tag_mutability", null))
	msg := sprintf("%s allows image tags to be overwritten", [r.address])
}

# Opaque terraform-aws-modules/ecr calls: repository_image_tag_mutability (default "IMMUTABLE")
# becomes the repository's image_tag_mutability; only a set value is judged.
deny contains result.fail_fix(m, ["repository_image_tag_mutability"], msg, [result.set(["repository_image_tag_mutability"], "IMMUTABLE")]) if {
	some m in modules.ecr_repositories
	value := object.get(m.config, "repository_image_tag_mutability", "IMMUTABLE")
	value != null
	bad(value)
	msg := sprintf("%s allows image tags to be overwritten", [m.address])
}

bad(null) := true

bad(v) if {
	is_string(v)
	not v in ok_values
}
