# METADATA
# title: S3 buckets name their owner
# description: >-
#   A team rule pack's rule, loaded from this workspace through .palisade.yaml. The e2e suites
#   check that it fires in a trusted workspace and does not in Restricted Mode.
# custom:
#   id: TEAM-E2E-001
#   severity: low
#   resource_types: [aws_s3_bucket]
package team.e2e.owner_tag

import rego.v1

deny contains finding if {
	some resource in input.resources
	resource.type == "aws_s3_bucket"
	not resource.config.tags.Owner
	finding := {
		"msg": sprintf("%s has no Owner tag (team rule)", [resource.address]),
		"resource": resource.address,
		"path": ["tags"],
	}
}
