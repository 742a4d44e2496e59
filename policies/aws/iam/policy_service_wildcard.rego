# METADATA
# title: IAM policy allows every action of a service
# description: |
#   A statement allows "service:*" (for example "s3:*" or "iam:*"), which includes the
#   service's destructive and permission-changing actions and every action AWS adds later.
#   Wildcards over a whole service are rarely what a workload needs.
# related_resources:
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege
# custom:
#   id: PAL-AWS-IAM-002
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_iam_policy, aws_iam_role_policy, aws_iam_user_policy, aws_iam_group_policy, aws_iam_role]
#   frameworks: {}
#   references:
#     trivy: [AVD-AWS-0057, AVD-AWS-0345]
#   cwe: ["CWE-269"]
#   remediation: List the specific actions needed (IAM Access Analyzer can generate them from CloudTrail activity).
#   fixable: false
package palisade.aws.iam.policy_service_wildcard

import data.palisade.lib.iam
import data.palisade.lib.result

deny contains result.fail(st.resource, array.concat(st.path, ["Action"]), msg) if {
	some st in iam.identity_statements
	wildcards := iam.service_wildcards(st.statement)
	count(wildcards) > 0
	msg := sprintf("%s allows every action of a service: %s", [st.resource.address, concat(", ", sort(wildcards))])
}
