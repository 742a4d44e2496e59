# METADATA
# title: S3 helpers
# description: |
#   Finds the provider v4+ companion resources of a bucket (aws_s3_bucket_versioning,
#   aws_s3_bucket_public_access_block, …) whether they point at it by reference
#   (`bucket = aws_s3_bucket.x.id`) or by the literal bucket name.
package palisade.lib.s3

import data.palisade.lib.tf
import data.palisade.lib.unknown

buckets := tf.resources("aws_s3_bucket")

# companions(bucket, type): resources of type attached to the bucket.
companions(bucket, resource_type) := tf.referencing(bucket.address, resource_type, ["bucket"]) | by_name(bucket, resource_type)

by_name(bucket, resource_type) := {r |
	name := unknown.known_string(bucket.config.bucket)
	some r in tf.resources(resource_type)
	r.config.bucket == name
}

# companion_unresolved(type): some companion of that type points at a bucket Palisade cannot
# identify, so "this bucket has no companion" must not be claimed for any bucket.
companion_unresolved(resource_type) if tf.unresolved(resource_type, ["bucket"], "aws_s3_bucket")

# has_companion(bucket, type): the bucket has one, or one may exist that cannot be resolved.
has_companion(bucket, resource_type) if count(companions(bucket, resource_type)) > 0

has_companion(_, resource_type) if companion_unresolved(resource_type)

# bucket_policies(bucket): the parsed policy documents that apply to a bucket, each with the
# resource and path holding it (inline v3 `policy`, or aws_s3_bucket_policy).
bucket_policies(bucket) := {p | some p in _policies(bucket)}

_policies(bucket) := array.concat(
	[{"resource": bucket, "path": ["policy"], "doc": bucket.config.policy} | bucket.config.policy != null],
	[{"resource": r, "path": ["policy"], "doc": r.config.policy} |
		some r in companions(bucket, "aws_s3_bucket_policy")
		r.config.policy != null
	],
)
