# METADATA
# title: GuardDuty protection plan is turned off
# description: |
#   GuardDuty's protection plans extend its threat detection beyond the account's CloudTrail, VPC
#   and DNS logs: EKS audit log monitoring (EKS_AUDIT_LOGS), runtime monitoring (EKS_RUNTIME_MONITORING,
#   RUNTIME_MONITORING), malware scans of EBS volumes (EBS_MALWARE_PROTECTION), RDS login activity
#   monitoring (RDS_LOGIN_EVENTS) and Lambda network activity monitoring (LAMBDA_NETWORK_LOGS). An
#   aws_guardduty_detector_feature with status DISABLED, or a detector's datasources turning
#   kubernetes audit logs or EBS malware scanning off, leaves that part of the account unwatched.
#   AWS Security Hub asks for them as GuardDuty.5 to GuardDuty.9 and GuardDuty.11. Only an explicit
#   off is reported: unset leaves the plan as GuardDuty enables it for the account. S3 Protection
#   is PAL-AWS-GUARDDUTY-002's. GuardDuty bills each plan by usage. GuardDuty takes only one of
#   EKS_RUNTIME_MONITORING and RUNTIME_MONITORING (which covers EKS): either one turned off while
#   the other is on passes.
# related_resources:
#   - ref: https://docs.aws.amazon.com/guardduty/latest/ug/guardduty-features-activation-model.html
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/guardduty-controls.html
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/guardduty_detector_feature
# custom:
#   id: PAL-AWS-GUARDDUTY-003
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_guardduty_detector, aws_guardduty_detector_feature]
#   frameworks: {}
#   references: {}
#   cwe: ["CWE-778"]
#   remediation: >-
#     Set status = "ENABLED" on the aws_guardduty_detector_feature (or enable = true in the
#     detector's datasources block) for the plans the account's workloads use.
#   fixable: true
package palisade.aws.guardduty.protection_plan_disabled

# Round 33 (Prowler guardduty_eks_audit_log_enabled, guardduty_eks_runtime_monitoring_enabled,
# guardduty_ec2_malware_protection_enabled, guardduty_rds_protection_enabled,
# guardduty_lambda_protection_enabled, guardduty_runtime_monitoring_enabled). Cheap: reads
# detectors and detector features only. The fix turns the plan on in place.

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

plans := {
	"EKS_AUDIT_LOGS": "EKS audit log monitoring",
	"EKS_RUNTIME_MONITORING": "EKS runtime monitoring",
	"RUNTIME_MONITORING": "runtime monitoring",
	"EBS_MALWARE_PROTECTION": "malware protection for EBS volumes",
	"RDS_LOGIN_EVENTS": "RDS login activity monitoring",
	"LAMBDA_NETWORK_LOGS": "Lambda network activity monitoring",
}

deny contains result.fail_fix(f, ["status"], msg, [result.set(["status"], "ENABLED")]) if {
	some f in tf.resources("aws_guardduty_detector_feature")
	object.get(f.config, "status", null) == "DISABLED"
	not runtime_covered(object.get(f.config, "name", null))
	plan := plans[object.get(f.config, "name", null)]
	msg := sprintf("%s turns GuardDuty %s off", [f.address, plan])
}

# The detector's (deprecated) datasources block: kubernetes audit logs and EBS malware scans.
deny contains result.fail_fix(off.detector, off.path, msg, [result.set(off.path, true)]) if {
	some off in datasources_off
	not governed_by_feature(off.detector, off.feature)
	msg := sprintf("%s turns GuardDuty %s off", [off.detector.address, plans[off.feature]])
}

# GuardDuty accepts only one of EKS_RUNTIME_MONITORING and RUNTIME_MONITORING (DetectorFeature-
# Configuration in the API reference: specifying both is an error; Runtime Monitoring includes
# EKS): one turned off while the other is on (or not known to be off) is the documented migration,
# and enabling it would fail at apply. Read over the feature resources only, not per detector.
runtime_other := {"EKS_RUNTIME_MONITORING": "RUNTIME_MONITORING", "RUNTIME_MONITORING": "EKS_RUNTIME_MONITORING"}

runtime_covered(name) if {
	some g in tf.resources("aws_guardduty_detector_feature")
	object.get(g.config, "name", null) == runtime_other[name]
	object.get(g.config, "status", null) != "DISABLED"
}

datasources_off contains {"detector": r, "feature": "EKS_AUDIT_LOGS", "path": path} if {
	some r in enabled_detectors
	some i, ds in tf.blocks(r, "datasources")
	some j, k8s in unknown.items(object.get(ds, "kubernetes", []))
	some l, audit in unknown.items(object.get(k8s, "audit_logs", []))
	unknown.is_false(object.get(audit, "enable", true))
	path := ["datasources", i, "kubernetes", j, "audit_logs", l, "enable"]
}

datasources_off contains {"detector": r, "feature": "EBS_MALWARE_PROTECTION", "path": path} if {
	some r in enabled_detectors
	some i, ds in tf.blocks(r, "datasources")
	some j, mp in unknown.items(object.get(ds, "malware_protection", []))
	some l, scan in unknown.items(object.get(mp, "scan_ec2_instance_with_findings", []))
	some n, ebs in unknown.items(object.get(scan, "ebs_volumes", []))
	unknown.is_false(object.get(ebs, "enable", true))
	path := ["datasources", i, "malware_protection", j, "scan_ec2_instance_with_findings", l, "ebs_volumes", n, "enable"]
}

# Detectors that are themselves enabled (a disabled one is PAL-AWS-GUARDDUTY-001's).
enabled_detectors := [r |
	some r in tf.resources("aws_guardduty_detector")
	not unknown.is_false(object.get(r.config, "enable", true))
]

# A feature resource for the same plan governs the detector (GuardDuty keeps one setting); so
# does one Palisade cannot tie to a detector or whose name is unknown.
governed_by_feature(detector, name) if {
	some f in tf.resources("aws_guardduty_detector_feature")
	object.get(f.config, "name", null) == name
	some ref in tf.references_to(f, ["detector_id"], "aws_guardduty_detector")
	tf.refers_to(ref.target, detector.address)
}

governed_by_feature(_, name) if {
	some f in tf.resources("aws_guardduty_detector_feature")
	object.get(f.config, "name", null) == name
	count(tf.references_to(f, ["detector_id"], "aws_guardduty_detector")) == 0
}

governed_by_feature(_, _) if {
	some f in tf.resources("aws_guardduty_detector_feature")
	unknown.is_unknown(object.get(f.config, "name", null))
}
