# METADATA
# title: CloudTrail trail is not multi-region
# description: |
#   A single-region trail records API activity in one region only. Attackers routinely use regions
#   nobody watches to run resources or hide activity; a multi-region trail also captures global
#   service events and regions enabled later.
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
#   cwe: ["CWE-778"]
#   remediation: Set is_multi_region_trail = true.
#   fixable: true
package palisade.aws.cloudtrail.not_multi_region

import data.palisade.lib.result
import data.palisade.lib.unknown

types := {"aws_cloudtrail"}

deny contains result.fail_fix(r, ["is_multi_region_trail"], msg, [result.set(["is_multi_region_trail"], true)]) if {
	some r in input.resources
	r.type in types
	bad(object.get(r.config, "is_multi_region_trail", null))
	msg := sprintf("%s is not a multi-region trail", [r.address])
}

bad(null) := true

bad(v) if unknown.is_false(v)
