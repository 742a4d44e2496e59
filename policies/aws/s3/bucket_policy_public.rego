# METADATA
# title: S3 bucket policy allows any principal
# description: |
#   An Allow statement whose principal is "*" (or {"AWS": "*"}) grants its actions to every AWS
#   account and to anonymous callers unless a condition scopes it to an organization, account,
#   source ARN or VPC endpoint (an IP-address condition alone does not say who calls). Unless the
#   bucket is a deliberately public website, this exposes or lets anyone tamper with its data.
#   Opaque terraform-aws-modules/s3-bucket calls are checked through their policy argument.
#   The finding is withheld when S3 neutralises a policy it calls public: the bucket's or the
#   account's public access block (in the configuration), or the module call, turns on
#   restrict_public_buckets (or may: an unknown value, a block whose bucket cannot be resolved, the
#   s3-bucket module's default from 4.0), which also restricts a policy already stored.
#   block_public_policy alone does not withhold it (it only rejects new policies, and nothing orders
#   the block before the policy), nor does S3's April 2023 default for new buckets (the bucket may
#   be older, or imported). A policy S3 calls non-public (a fixed aws:SourceIp or another key S3
#   names) passes a block and is still reported.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html#access-control-block-public-access-policy-status
# custom:
#   id: PAL-AWS-S3-009
#   severity: high
#   formats: [terraform]
#   resource_types:
#     - aws_s3_bucket
#     - aws_s3_bucket_policy
#     - aws_s3_bucket_public_access_block
#     - aws_s3_account_public_access_block
#     - "module:terraform-aws-modules/s3-bucket/aws"
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_70
#     kics:
#       - 7af43613-6bb9-4a0e-8c4d-1314b799425e
#       - 66c6f96f-2d9e-417e-a998-9058aeeecd44
#       - d24c0755-c028-44b1-b503-8e719c898832
#       - 1df37f4b-7197-45ce-83f8-9994d2fcf885
#       - ffdf4b37-7703-4dfe-a682-9d2e99bc6c09
#   cwe: ["CWE-732"]
#   remediation: Name the principals that need access, or restrict the statement with conditions (e.g. aws:SourceVpce, aws:PrincipalOrgID).
#   fixable: false
#   allow_unknown: true
package palisade.aws.s3.bucket_policy_public

import data.palisade.lib.modules
import data.palisade.lib.resource_policy
import data.palisade.lib.result
import data.palisade.lib.s3

# One finding per policy, on the policy attribute; the open statements are related locations.
deny contains result.with_related(result.fail(r, ["policy"], msg), related) if {
	some r in policy_holders
	entries := resource_policy.any_principal_statements(resource_policy.document(r.config.policy))
	count(entries) > 0
	not s3.public_policy_held_back(r, [e.statement | some e in entries])
	related := [result.related(r, array.concat(["policy"], array.concat(e.path, ["Principal"])), "open to any principal") | some e in entries]
	msg := sprintf("the policy of %s allows %s to any principal", [r.address, concat(", ", [resource_policy.action_labels(e.statement) | some e in entries])])
}

# Buckets and bucket policies, plus opaque terraform-aws-modules/s3-bucket calls (their `policy`
# argument becomes the bucket policy). The module attaches it only with attach_policy = true; a
# call that sets a policy without it is still judged, as the KICS samples of this query expect.
policy_holders := array.concat(
	[r | some r in input.resources; r.type in {"aws_s3_bucket", "aws_s3_bucket_policy"}],
	modules.s3_buckets,
)

# Withheld only where S3 keeps every open statement from anyone outside the account: the shared
# reading of Block Public Access (lib/s3.rego, public_policy_held_back) — RestrictPublicBuckets on
# the bucket, the account or the module call, true or unknown; not BlockPublicPolicy alone ("Enabling
# this setting doesn't affect existing bucket policies", and Terraform may store the policy before
# the block; review of session 23, R4), not S3's April 2023 default for new buckets.
