# METADATA
# title: CloudFront helpers
# description: |
#   Which origins of an aws_cloudfront_distribution are S3 buckets read through their REST
#   endpoint (as opposed to custom origins, S3 website endpoints included).
package palisade.lib.cloudfront

import data.palisade.lib.tf
import data.palisade.lib.unknown

# s3_origin(origin): an origin block that reads an S3 bucket's REST endpoint: a literal
# <bucket>.s3.amazonaws.com, <bucket>.s3.<region>.amazonaws.com or legacy
# <bucket>.s3-<region>.amazonaws.com (not the website endpoints <bucket>.s3-website-<region> /
# .s3-website.<region>, which are custom origins), a reference to a bucket's
# bucket_regional_domain_name or bucket_domain_name (module outputs named so included), or any
# origin with an s3_origin_config block.
s3_origin(origin) if {
	name := unknown.known_string(origin.domain_name)
	regex.match(`\.s3([.-][a-z0-9-]+)*\.amazonaws\.com(\.cn)?$`, name)
	not contains(name, ".s3-website")
}

s3_origin(origin) if {
	expr := origin.domain_name["$unknown"]
	is_string(expr)
	regex.match(`bucket_(regional_)?domain_name\b`, expr)
}

s3_origin(origin) if count(tf.blocks({"config": origin}, "s3_origin_config")) > 0
