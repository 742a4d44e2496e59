# METADATA
# title: GuardDuty S3 Protection is turned off
# description: |
#   S3 Protection has GuardDuty analyse the S3 data events of the account's buckets (object reads,
#   writes and deletions) for threats: data being exfiltrated, access from known malicious
#   addresses or through anonymous and unusual callers, and discovery runs against buckets. It is
#   on when a detector is created; turned off (`datasources { s3_logs { enable = false } }`, or an
#   aws_guardduty_detector_feature S3_DATA_EVENTS with status DISABLED) GuardDuty watches only the
#   management events of S3. AWS Security Hub (GuardDuty.10) asks for it. GuardDuty bills it by
#   the volume of S3 data events it analyses.
# related_resources:
#   - ref: https://docs.aws.amazon.com/guardduty/latest/ug/s3-protection.html
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/guardduty-controls.html#guardduty-10
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/guardduty_detector_feature
# custom:
#   id: PAL-AWS-GUARDDUTY-002
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_guardduty_detector, aws_guardduty_detector_feature]
#   frameworks: {}
#   cwe: ["CWE-778"]
#   remediation: >-
#     Set datasources { s3_logs { enable = true } } on the detector, or status = "ENABLED" on its
#     S3_DATA_EVENTS aws_guardduty_detector_feature.
#   fixable: true
package palisade.aws.guardduty.s3_protection_disabled

# Cheap: reads detectors and detector features only. Unset is on (the provider's and GuardDuty's
# default for a new detector); only a known false or DISABLED is reported. A detector whose S3
# protection a feature resource may govern (one naming it, or one Palisade cannot tie to a
# detector) is judged through that feature instead: GuardDuty keeps one setting per detector.

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

feature_name := "S3_DATA_EVENTS"

deny contains result.fail_fix(r, path, msg, [result.set(path, true)]) if {
	some r in tf.resources("aws_guardduty_detector")
	not unknown.is_false(object.get(r.config, "enable", true))
	some i, ds in tf.blocks(r, "datasources")
	some j, s3 in unknown.items(object.get(ds, "s3_logs", []))
	unknown.is_false(object.get(s3, "enable", true))
	not governed_by_feature(r)
	path := ["datasources", i, "s3_logs", j, "enable"]
	msg := sprintf("%s turns GuardDuty S3 Protection off", [r.address])
}

deny contains result.fail_fix(f, ["status"], msg, [result.set(["status"], "ENABLED")]) if {
	some f in s3_features
	object.get(f.config, "status", null) == "DISABLED"
	msg := sprintf("%s turns GuardDuty S3 Protection off", [f.address])
}

s3_features := [f | some f in tf.resources("aws_guardduty_detector_feature"); object.get(f.config, "name", null) == feature_name]

governed_by_feature(detector) if {
	some f in s3_features
	some ref in tf.references_to(f, ["detector_id"], "aws_guardduty_detector")
	tf.refers_to(ref.target, detector.address)
}

governed_by_feature(_) if {
	some f in tf.resources("aws_guardduty_detector_feature")
	unknown.is_unknown(object.get(f.config, "name", null))
}

governed_by_feature(_) if {
	some f in s3_features
	count(tf.references_to(f, ["detector_id"], "aws_guardduty_detector")) == 0
}
