# METADATA
# title: Elastic Beanstalk environment does not apply managed platform updates
# description: |
#   With managed platform updates (option aws:elasticbeanstalk:managedactions
#   ManagedActionsEnabled = true) Elastic Beanstalk moves the environment to each new patch or
#   minor platform version in a weekly maintenance window, bringing the operating system, runtime
#   and web server security fixes AWS publishes. Without it the instances keep the platform version
#   they were launched with until someone updates it by hand. The console turns managed updates on
#   for new environments; an environment created through the API (as Terraform does) has them off
#   unless the option is set. AWS Security Hub (ElasticBeanstalk.2) asks for them. Environments
#   built from a configuration template (template_name) are not judged: the template may set it.
# related_resources:
#   - ref: https://docs.aws.amazon.com/elasticbeanstalk/latest/dg/environment-platform-update-managed.html
#   - ref: https://docs.aws.amazon.com/elasticbeanstalk/latest/dg/command-options-general.html#command-options-general-elasticbeanstalkmanagedactions
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/elasticbeanstalk-controls.html#elasticbeanstalk-2
#   - ref: https://docs.aws.amazon.com/config/latest/developerguide/elastic-beanstalk-managed-updates-enabled.html
# custom:
#   id: PAL-AWS-ELASTICBEANSTALK-003
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_elastic_beanstalk_environment]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_340
#   cwe: ["CWE-1104"]
#   remediation: >-
#     Add settings aws:elasticbeanstalk:managedactions ManagedActionsEnabled = "true" and
#     PreferredStartTime (a weekly window such as "Sun:10:00"), and
#     aws:elasticbeanstalk:managedactions:platformupdate UpdateLevel = "minor" (or "patch").
#     Managed updates need enhanced health reporting and a service role.
#   fixable: true
package palisade.aws.elasticbeanstalk.managed_updates_disabled

# Elastic Beanstalk requires PreferredStartTime and UpdateLevel with ManagedActionsEnabled, and
# managed updates rely on enhanced health (to tell a good update from a bad one) and the service
# role: the fix writes the options missing of the three, and is offered only when the environment
# sets enhanced health and names its service role (ELASTICBEANSTALK-002 reports basic health).
# The window the fix picks (Sunday 10:00 UTC) is the owner's to move.

import data.palisade.lib.fixes
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

managed_ns := "aws:elasticbeanstalk:managedactions"

update_ns := "aws:elasticbeanstalk:managedactions:platformupdate"

msg(r) := sprintf("%s does not turn on managed platform updates (ManagedActionsEnabled is not true)", [r.address])

deny contains fixes.finding(r, [], msg(r), ops(r, [result.append_block([], "setting", option(managed_ns, "ManagedActionsEnabled", "true"))])) if {
	some r in environments
	not some_option(r, managed_ns, "ManagedActionsEnabled")
}

deny contains fixes.finding(r, path, msg(r), ops(r, [result.set(path, "true")])) if {
	some r in environments
	some i, s in tf.blocks(r, "setting")
	names(s, managed_ns, "ManagedActionsEnabled")

	# Any case of "false", as ELASTICBEANSTALK-001 reads StreamLogs (the guide lists true / false).
	unknown.is_false(lower(sprintf("%v", [s.value])))
	path := ["setting", i, "value"]
}

option(namespace, name, value) := {"namespace": namespace, "name": name, "value": value}

# The switch's own operation, then the window and level when the environment has none.
ops(r, first) := array.concat(first, [result.append_block([], "setting", o) | some o in companions(r)]) if {
	enhanced_health(r)
	has_service_role(r)
} else := []

companions(r) := [o |
	some [namespace, name, value] in [
		[managed_ns, "PreferredStartTime", "Sun:10:00"],
		[update_ns, "UpdateLevel", "minor"],
	]
	not some_option(r, namespace, name)
	o := option(namespace, name, value)
]

some_option(r, namespace, name) if {
	some s in tf.blocks(r, "setting")
	names(s, namespace, name)
}

names(s, namespace, name) if {
	s.namespace == namespace
	s.name == name
}

enhanced_health(r) if {
	some s in tf.blocks(r, "setting")
	names(s, "aws:elasticbeanstalk:healthreporting:system", "SystemType")
	lower(unknown.known_string(s.value)) == "enhanced"
}

has_service_role(r) if {
	some s in tf.blocks(r, "setting")
	names(s, "aws:elasticbeanstalk:environment", "ServiceRole")
	unknown.has(s, "value")
}

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
