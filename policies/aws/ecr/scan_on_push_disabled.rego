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
	path := ["image_scanning_configuration", i, "scan_on_push"]
	msg := sprintf("%s does not scan images on push", [r.address])
}

deny contains result.fail_fix(r, ["image_scanning_configuration"], msg, [result.add_block([], "image_scanning_configuration", {"scan_on_push": true})]) if {
	some r in input.resources
	r.type in types
	tf.missing_attr(r, ["image_scanning_configuration"])
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
