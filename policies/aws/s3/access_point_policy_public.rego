# METADATA
# title: S3 access point policy allows any principal while public access is not blocked
# description: |
#   An access point policy (aws_s3_access_point's policy, or aws_s3control_access_point_policy)
#   with an Allow statement whose principal is "*" (or {"AWS": "*"}, or an Allow with
#   NotPrincipal) and that no condition scopes to an organization, account, source ARN or VPC
#   endpoint grants its actions on the bucket's objects, through the access point, to every AWS
#   account and to anonymous callers. Every block public access setting of an access point is on
#   unless turned off at creation, and S3 rejects a public access point policy while
#   block_public_policy is on, so only an access point created with block_public_policy = false
#   and restrict_public_buckets = false can carry one. The finding is withheld when the
#   configuration's account public access block, or the bucket's, blocks or restricts public
#   policies (S3 applies the most restrictive of the three; a bucket's BlockPublicPolicy also makes
#   S3 reject the policy of its same-account access points), when the configuration creates the
#   bucket without an aws_s3_bucket_public_access_block (S3 turns every setting on for new buckets
#   since April 2023), and for an access point that only accepts requests from a VPC
#   (vpc_configuration).
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
# A bucket outside the configuration (a name string) may predate S3's April 2023 default and have
# no block, so it does not withhold the finding; a bucket the configuration creates does unless
# its own aws_s3_bucket_public_access_block turns the switches off: the bucket's BlockPublicPolicy
# makes S3 reject PutAccessPointPolicy for the bucket's same-account access points, and its
# RestrictPublicBuckets restricts requests through them, so the open policy never takes effect, as
# with an explicit bucket block. S3-009 withholds a bucket policy only under RestrictPublicBuckets
# (a stored bucket policy outlives BlockPublicPolicy and the bucket may predate the default; R4).

import data.palisade.lib.resource_policy
import data.palisade.lib.result
import data.palisade.lib.s3
import data.palisade.lib.tf
import data.palisade.lib.unknown

deny contains result.with_related(result.fail(r, ["policy"], msg), related) if {
	some [r, access_point] in policies
	open_to_public(access_point)
	entries := resource_policy.any_principal_statements(resource_policy.document(r.config.policy))
	count(entries) > 0
	related := [result.related(r, array.concat(["policy"], array.concat(e.path, ["Principal"])), "open to any principal") | some e in entries]
	msg := sprintf("the policy of %s allows %s to any principal through an access point that does not block public policies", [r.address, concat(", ", [resource_policy.action_labels(e.statement) | some e in entries])])
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

switches := ["block_public_policy", "restrict_public_buckets"]

# open_to_public(ap): the access point's settings, the bucket's and the account's (as far as the
# configuration shows them) let a public policy be set and honoured.
open_to_public(ap) if {
	count(tf.blocks(ap, "vpc_configuration")) == 0
	some config in tf.blocks(ap, "public_access_block_configuration")
	every switch in switches {
		unknown.is_false(object.get(config, switch, null))
		not account_switch_on(switch)
		not bucket_switch_on(ap, switch)
	}
}

# A switch that is true, or unknown, may be on: unset on a public access block resource is false.
account_switch_on(switch) if {
	some pab in tf.resources("aws_s3_account_public_access_block")
	not unknown.not_true(object.get(pab.config, switch, null))
}

bucket_switch_on(ap, switch) if {
	some bucket in s3.buckets
	ap in s3.companions(bucket, "aws_s3_access_point")
	some pab in s3.companions(bucket, "aws_s3_bucket_public_access_block")
	not unknown.not_true(object.get(pab.config, switch, null))
}

# A bucket of the configuration that no public access block resource is found for has S3's
# default for new buckets (every setting on since April 2023), or one the configuration cannot
# show (an unresolved companion): either may restrict the policy.
bucket_switch_on(ap, _) if {
	some bucket in s3.buckets
	ap in s3.companions(bucket, "aws_s3_access_point")
	count(s3.companions(bucket, "aws_s3_bucket_public_access_block")) == 0
}
