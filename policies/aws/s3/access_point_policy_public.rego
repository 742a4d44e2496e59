# METADATA
# title: S3 access point policy allows any principal where Block Public Access does not stop it
# description: |
#   An access point policy (aws_s3_access_point's policy, or aws_s3control_access_point_policy)
#   with an Allow statement whose principal is "*" (or {"AWS": "*"}, or an Allow with
#   NotPrincipal) and that no condition scopes to an organization, account, source ARN or VPC
#   endpoint grants its actions on the bucket's objects, through the access point, to every AWS
#   account and to anonymous callers. The finding is withheld where S3 keeps every such statement
#   out, by the one reading of Block Public Access the S3 rules share: the access point's own
#   block_public_policy or restrict_public_buckets (both on unless turned off at creation, and
#   fixed then, before any policy can be put), or restrict_public_buckets on the bucket's or the
#   account's public access block in the configuration (or an s3-bucket module call's; true or
#   unknown). block_public_policy on the bucket or the account does not withhold it: S3 rejects a
#   public access point policy only when it is put, and Terraform does not order the policy after
#   the block. Nor does S3's April 2023 default for new buckets: the bucket may be older, or
#   imported. A statement S3 does not call public (a fixed aws:SourceIp, or NotPrincipal) passes
#   every block and is reported. An access point that only accepts requests from a VPC
#   (vpc_configuration) is not reported.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-points-bpa-settings.html
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html#access-control-block-public-access-policy-status
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-points-policies.html
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3control_access_point_policy
# custom:
#   id: PAL-AWS-S3-020
#   severity: high
#   formats: [terraform]
#   resource_types:
#     - aws_s3_access_point
#     - aws_s3control_access_point_policy
#     - aws_s3_bucket
#     - aws_s3_bucket_public_access_block
#     - aws_s3_account_public_access_block
#     - "module:terraform-aws-modules/s3-bucket/aws"
#   frameworks: {}
#   references: {}
#   cwe: ["CWE-732"]
#   remediation: Name the principals that need the access point, or scope the statement with conditions such as aws:PrincipalOrgID.
#   fixable: false
#   allow_unknown: true
package palisade.aws.s3.access_point_policy_public

# No fix: the principals meant to use the access point are not in the configuration, and an
# access point's block public access settings cannot change after creation (the provider replaces
# it, with a new alias and ARN). PAL-AWS-S3-019 reports the settings turned off; this rule reports
# the open policy those settings let through. An access point outside the configuration (an ARN
# string) has settings Palisade cannot see, and its defaults block public policies: no finding.
# Session 24 (H3): the bucket's block_public_policy and a bucket without a public access block
# (S3's April 2023 default) no longer withhold the finding, as for S3-009 (R4, session 23).

import data.palisade.lib.resource_policy
import data.palisade.lib.result
import data.palisade.lib.s3
import data.palisade.lib.tf

deny contains result.with_related(result.fail(r, ["policy"], msg), related) if {
	some [r, access_point] in policies
	count(tf.blocks(access_point, "vpc_configuration")) == 0
	entries := resource_policy.any_principal_statements(resource_policy.document(r.config.policy))
	count(entries) > 0
	not s3.public_policy_held_back(access_point, [e.statement | some e in entries])
	related := [result.related(r, array.concat(["policy"], array.concat(e.path, ["Principal"])), "open to any principal") | some e in entries]
	msg := sprintf("the policy of %s allows %s to any principal through an access point whose public access settings do not stop it", [r.address, concat(", ", [resource_policy.action_labels(e.statement) | some e in entries])])
}

# policies: [policy holder, access point] pairs — an access point's own policy argument, and each
# aws_s3control_access_point_policy whose access_point_arn references an access point here.
policies contains [ap, ap] if {
	some ap in tf.resources("aws_s3_access_point")
	ap.config.policy != null
}

policies contains [r, ap] if {
	some r in tf.resources("aws_s3control_access_point_policy")
	some ap in tf.resources("aws_s3_access_point")
	some ref in r.references
	ref.path == ["access_point_arn"]
	tf.refers_to(ref.target, ap.address)
}
