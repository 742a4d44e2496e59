# METADATA
# title: EC2 instance detailed monitoring is not enabled
# description: |
#   Without detailed monitoring CloudWatch receives instance metrics every five minutes
#   instead of every minute, which delays alarms and autoscaling on short spikes. Advisory: it
#   has a cost and is not needed for every instance. A launch configuration turns it on for the
#   instances it launches unless enable_monitoring = false, so only that opt-out is reported there.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/manage-detailed-monitoring.html
#   - ref: https://docs.aws.amazon.com/autoscaling/ec2/userguide/enable-as-instance-metrics.html
# custom:
#   id: PAL-AWS-EC2-005
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_instance, aws_launch_configuration, "module:terraform-aws-modules/ec2-instance/aws"]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_126
#     kics: 23b70e32-032e-4fa6-ba5c-82f56b9980e6
#   remediation: Set monitoring = true (enable_monitoring = true on a launch configuration).
#   fixable: true
package palisade.aws.ec2.instance_detailed_monitoring

import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

# An instance launched from a launch template without its own `monitoring` takes the template's:
# judged only when that template is one of this configuration's and does not enable it.
warn contains result.fail_fix(r, ["monitoring"], msg, [result.set(["monitoring"], true)]) if {
	some r in tf.resources("aws_instance")
	unknown.not_true(object.get(r.config, "monitoring", null))
	not template_may_monitor(r)
	msg := sprintf("%s does not have detailed monitoring enabled", [r.address])
}

# The registry module terraform-aws-modules/ec2-instance/aws takes the same argument (default false).
warn contains result.fail_fix(m, ["monitoring"], msg, [result.set(["monitoring"], true)]) if {
	some m in modules.opaque_calls("ec2-instance")
	unknown.not_true(object.get(m.config, "monitoring", null))
	msg := sprintf("%s does not have detailed monitoring enabled", [m.address])
}

# A launch configuration monitors in detail by default (the API's InstanceMonitoring.Enabled and
# the provider's enable_monitoring both default to true): only an explicit false opts out.
warn contains result.fail_fix(r, ["enable_monitoring"], msg, [result.set(["enable_monitoring"], true)]) if {
	some r in tf.resources("aws_launch_configuration")
	unknown.is_false(r.config.enable_monitoring)
	msg := sprintf("%s turns off detailed monitoring for the instances it launches", [r.address])
}

template_may_monitor(r) if {
	object.get(r.config, "monitoring", null) == null
	launched_from_template(r)
	not known_template_without_monitoring(r)
}

# A launch_template block, or one that may exist (`dynamic` over an unknown); a `dynamic` block
# over an empty list leaves none.
launched_from_template(r) if count(tf.blocks(r, "launch_template")) > 0

launched_from_template(r) if unknown.is_unknown(object.get(r.config, "launch_template", null))

known_template_without_monitoring(r) if {
	some i, _ in tf.blocks(r, "launch_template")
	some key in ["id", "name"]
	some ref in tf.references_to(r, ["launch_template", i, key], "aws_launch_template")
	some template in tf.resources("aws_launch_template")
	tf.refers_to(ref.target, template.address)
	every block in tf.blocks(template, "monitoring") {
		unknown.not_true(object.get(block, "enabled", null))
	}
}
