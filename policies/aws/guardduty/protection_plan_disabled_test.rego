package palisade.aws.guardduty.protection_plan_disabled_test

import data.palisade.aws.guardduty.protection_plan_disabled as rule

detector(config) := {"address": "aws_guardduty_detector.main", "type": "aws_guardduty_detector", "name": "main", "config": config, "references": []}

feature(name, status) := {
	"address": "aws_guardduty_detector_feature.plan", "type": "aws_guardduty_detector_feature", "name": "plan",
	"config": {"detector_id": {"$unknown": "aws_guardduty_detector.main.id"}, "name": name, "status": status},
	"references": [{"path": ["detector_id"], "target": "aws_guardduty_detector.main"}],
}

test_disabled_feature_fires if {
	rule.deny == {{
		"msg": "aws_guardduty_detector_feature.plan turns GuardDuty EKS audit log monitoring off",
		"resource": "aws_guardduty_detector_feature.plan", "path": ["status"],
		"fix": [{"op": "set", "path": ["status"], "value": "ENABLED"}],
	}} with input as {"resources": [detector({"enable": true}), feature("EKS_AUDIT_LOGS", "DISABLED")]}
	count(rule.deny) == 1 with input as {"resources": [feature("RDS_LOGIN_EVENTS", "DISABLED")]}
	count(rule.deny) == 1 with input as {"resources": [feature("RUNTIME_MONITORING", "DISABLED")]}
}

# S3_DATA_EVENTS is PAL-AWS-GUARDDUTY-002's; ENABLED and unknown pass.
test_enabled_s3_and_unknown_pass if {
	count(rule.deny) == 0 with input as {"resources": [feature("EKS_AUDIT_LOGS", "ENABLED")]}
	count(rule.deny) == 0 with input as {"resources": [feature("S3_DATA_EVENTS", "DISABLED")]}
	count(rule.deny) == 0 with input as {"resources": [feature("LAMBDA_NETWORK_LOGS", {"$unknown": "var.status"})]}
}

test_datasources_off_fire if {
	k8s := {"datasources": [{"kubernetes": [{"audit_logs": [{"enable": false}]}]}]}
	rule.deny == {{
		"msg": "aws_guardduty_detector.main turns GuardDuty EKS audit log monitoring off",
		"resource": "aws_guardduty_detector.main", "path": ["datasources", 0, "kubernetes", 0, "audit_logs", 0, "enable"],
		"fix": [{"op": "set", "path": ["datasources", 0, "kubernetes", 0, "audit_logs", 0, "enable"], "value": true}],
	}} with input as {"resources": [detector(k8s)]}
	ebs := {"datasources": [{"malware_protection": [{"scan_ec2_instance_with_findings": [{"ebs_volumes": [{"enable": false}]}]}]}]}
	count(rule.deny) == 1 with input as {"resources": [detector(ebs)]}
}

# A feature resource for the same plan governs the detector; a disabled detector is GUARDDUTY-001's.
test_datasources_governed_or_detector_disabled_pass if {
	k8s := {"datasources": [{"kubernetes": [{"audit_logs": [{"enable": false}]}]}]}
	count(rule.deny) == 0 with input as {"resources": [detector(k8s), feature("EKS_AUDIT_LOGS", "ENABLED")]}
	count(rule.deny) == 0 with input as {"resources": [detector(object.union(k8s, {"enable": false}))]}
	count(rule.deny) == 0 with input as {"resources": [detector({"datasources": [{"kubernetes": [{"audit_logs": [{"enable": true}]}]}]})]}
}

# GuardDuty takes only one of EKS_RUNTIME_MONITORING and RUNTIME_MONITORING (the API errors on
# both): the one turned off while the other is on is the migration AWS documents, and enabling it
# would fail at apply.
test_runtime_pair_passes if {
	eks_off := object.union(feature("EKS_RUNTIME_MONITORING", "DISABLED"), {"address": "aws_guardduty_detector_feature.eks"})
	rt_on := feature("RUNTIME_MONITORING", "ENABLED")
	count(rule.deny) == 0 with input as {"resources": [eks_off, rt_on]}
	rt_off := feature("RUNTIME_MONITORING", "DISABLED")
	eks_on := object.union(feature("EKS_RUNTIME_MONITORING", "ENABLED"), {"address": "aws_guardduty_detector_feature.eks"})
	count(rule.deny) == 0 with input as {"resources": [rt_off, eks_on]}
	count(rule.deny) == 2 with input as {"resources": [eks_off, rt_off]}
}
