# METADATA
# title: CloudFront distribution is not protected by AWS WAF
# description: |
#   Without a web ACL the distribution forwards every request to the origin unfiltered: no managed
#   rules against SQL injection or XSS, no rate limiting, no IP reputation lists.
# related_resources:
#   - ref: https://docs.aws.amazon.com/waf/latest/developerguide/cloudfront-features.html
# custom:
#   id: PAL-AWS-CLOUDFRONT-004
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_cloudfront_distribution, "module:terraform-aws-modules/cloudfront/aws"]
#   references:
#     checkov: CKV_AWS_68
#     trivy: AVD-AWS-0011
#     kics: 1419b4c6-6d5c-4534-9cf6-6a5266085333
#   remediation: Associate a WAF web ACL with web_acl_id.
#   fixable: false
package palisade.aws.cloudfront.waf_missing

import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.tf

deny contains result.fail(r, ["web_acl_id"], msg) if {
	some r in tf.resources("aws_cloudfront_distribution")
	tf.missing_attr(r, ["web_acl_id"])
	msg := sprintf("%s is not protected by AWS WAF", [r.address])
}

# Opaque terraform-aws-modules/cloudfront calls pass web_acl_id (default null) to the
# distribution unchanged, so "" is as good as null there too.
deny contains result.fail(m, ["web_acl_id"], msg) if {
	some m in modules.cloudfront_distributions
	object.get(m.config, "web_acl_id", null) in {null, ""}
	msg := sprintf("%s is not protected by AWS WAF", [m.address])
}
