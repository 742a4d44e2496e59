# METADATA
# title: Elastic Beanstalk environment does not use enhanced health reporting
# description: |
#   Enhanced health reporting (option aws:elasticbeanstalk:healthreporting:system SystemType =
#   enhanced) has an agent on each instance report request latencies, errors and resource use, so
#   a failing or overloaded instance is seen and named at once; basic health only looks at the
#   load balancer's and EC2's status checks. An environment created through the API (as Terraform
#   does) gets basic health unless the option is set. AWS Security Hub (ElasticBeanstalk.1) asks
#   for enhanced health. Environments built from a configuration template (template_name) are not
#   judged: the template may set the option.
# related_resources:
#   - ref: https://docs.aws.amazon.com/elasticbeanstalk/latest/dg/health-enhanced.html
#   - ref: https://docs.aws.amazon.com/elasticbeanstalk/latest/dg/health-enhanced-api.html
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/elasticbeanstalk-controls.html#elasticbeanstalk-1
# custom:
#   id: PAL-AWS-ELASTICBEANSTALK-002
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_elastic_beanstalk_environment]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_312
#   remediation: >-
#     Add a setting with namespace = "aws:elasticbeanstalk:healthreporting:system", name =
#     "SystemType" and value = "enhanced", with a service role (aws:elasticbeanstalk:environment
#     ServiceRole) that has the AWSElasticBeanstalkEnhancedHealth policy.
#   fixable: true
package palisade.aws.elasticbeanstalk.enhanced_health_disabled

# Enhanced health needs a service role allowed to read the environment's health
# (health-enhanced-api.html): the fix is offered only when the environment names its service role
# (aws:elasticbeanstalk:environment ServiceRole); without one, setting SystemType alone may fail
# the update, so the finding carries no fix.

import data.palisade.lib.fixes
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

namespace := "aws:elasticbeanstalk:healthreporting:system"

option := {"namespace": namespace, "name": "SystemType", "value": "enhanced"}

deny contains fixes.finding(r, [], msg, ops(r, [result.append_block([], "setting", option)])) if {
	some r in environments
	every s in tf.blocks(r, "setting") {
		not names_option(s)
	}
	msg := sprintf("%s uses basic health reporting (SystemType is not set to enhanced)", [r.address])
}

deny contains fixes.finding(r, path, msg, ops(r, [result.set(path, "enhanced")])) if {
	some r in environments
	some i, s in tf.blocks(r, "setting")
	names_option(s)
	lower(unknown.known_string(s.value)) == "basic"
	path := ["setting", i, "value"]
	msg := sprintf("%s uses basic health reporting (SystemType = \"basic\")", [r.address])
}

ops(r, fix) := fix if has_service_role(r)

else := []

has_service_role(r) if {
	some s in tf.blocks(r, "setting")
	s.namespace == "aws:elasticbeanstalk:environment"
	s.name == "ServiceRole"
	unknown.has(s, "value")
}

# A missing option is reported on the environment itself (the first setting block, where
# ["setting"] would land, is some other option); the fix adds the setting block.

# Environments whose settings are all known by namespace and name, and not from a template.
environments contains r if {
	some r in tf.resources("aws_elastic_beanstalk_environment")
	tf.missing_attr(r, ["template_name"])
	not unknown.is_unknown(object.get(r.config, "setting", []))
	every s in tf.blocks(r, "setting") {
		is_string(s.namespace)
		is_string(s.name)
	}
}

names_option(s) if {
	s.namespace == namespace
	s.name == "SystemType"
}
