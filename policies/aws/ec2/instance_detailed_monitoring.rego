# METADATA
# title: EC2 instance detailed monitoring is not enabled
# description: |
#   Without detailed monitoring CloudWatch receives instance metrics every five minutes
#   instead of every minute, which delays alarms and autoscaling on short spikes. Advisory: it
#   has a cost and is not needed for every instance.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/manage-detailed-monitoring.html
# custom:
#   id: PAL-AWS-EC2-005
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_instance, "module:terraform-aws-modules/ec2-instance/aws"]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_126
#     kics: 23b70e32-032e-4fa6-ba5c-82f56b9980e6
#   remediation: Set monitoring = true.
#   fixable: true
package palisade.aws.ec2.instance_detailed_monitoring

import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

warn contains result.fail_fix(r, ["monitoring"], msg, [result.set(["monitoring"], true)]) if {
	some r in tf.resources("aws_instance")
	unknown.not_true(object.get(r.config, "monitoring", null))
	msg := sprintf("%s does not have detailed monitoring enabled", [r.address])
}

# The registry module terraform-aws-modules/ec2-instance/aws takes the same argument (default false).
warn contains result.fail_fix(m, ["monitoring"], msg, [result.set(["monitoring"], true)]) if {
	some m in modules.opaque_calls("ec2-instance")
	unknown.not_true(object.get(m.config, "monitoring", null))
	msg := sprintf("%s does not have detailed monitoring enabled", [m.address])
}
