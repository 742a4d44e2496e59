package palisade.aws.guardduty.s3_protection_disabled_test

import data.palisade.aws.guardduty.s3_protection_disabled as rule

detector(config) := {"address": "aws_guardduty_detector.main", "type": "aws_guardduty_detector", "name": "main", "config": config, "references": []}

s3_logs(enable) := {"datasources": [{"s3_logs": [{"enable": enable}]}]}

feature(config, refs) := {"address": "aws_guardduty_detector_feature.s3", "type": "aws_guardduty_detector_feature", "name": "s3", "config": config, "references": refs}

to_main := [{"path": ["detector_id"], "target": "aws_guardduty_detector.main", "attribute": "id"}]

# 18F's identity-terraform guardduty module: `enable = var.s3_enable`, default false (s19/h3).
test_datasource_off_fires if {
	rule.deny == {{
		"msg": "aws_guardduty_detector.main turns GuardDuty S3 Protection off",
		"resource": "aws_guardduty_detector.main", "path": ["datasources", 0, "s3_logs", 0, "enable"],
		"fix": [{"op": "set", "path": ["datasources", 0, "s3_logs", 0, "enable"], "value": true}],
	}} with input as {"resources": [detector(object.union({"enable": true}, s3_logs(false)))]}
}

test_on_unset_or_unknown_passes if {
	count(rule.deny) == 0 with input as {"resources": [detector(s3_logs(true))]}
	count(rule.deny) == 0 with input as {"resources": [detector({})]}
	count(rule.deny) == 0 with input as {"resources": [detector({"datasources": [{"kubernetes": [{"audit_logs": [{"enable": false}]}]}]})]}
	count(rule.deny) == 0 with input as {"resources": [detector(s3_logs({"$unknown": "var.s3_enable"}))]}
}

# A disabled detector is PAL-AWS-GUARDDUTY-001's.
test_disabled_detector_is_not_judged_here if {
	count(rule.deny) == 0 with input as {"resources": [detector(object.union({"enable": false}, s3_logs(false)))]}
}

test_feature_disabled_fires if {
	rule.deny == {{
		"msg": "aws_guardduty_detector_feature.s3 turns GuardDuty S3 Protection off",
		"resource": "aws_guardduty_detector_feature.s3", "path": ["status"],
		"fix": [{"op": "set", "path": ["status"], "value": "ENABLED"}],
	}} with input as {"resources": [detector({}), feature({"name": "S3_DATA_EVENTS", "status": "DISABLED", "detector_id": {"$unknown": "aws_guardduty_detector.main.id"}}, to_main)]}
}

test_other_features_or_enabled_pass if {
	count(rule.deny) == 0 with input as {"resources": [feature({"name": "EKS_AUDIT_LOGS", "status": "DISABLED"}, to_main)]}
	count(rule.deny) == 0 with input as {"resources": [feature({"name": "S3_DATA_EVENTS", "status": "ENABLED"}, to_main)]}
}

# The detector's own setting gives way to a feature resource that governs it (or may).
test_feature_governs_the_detector if {
	enabled := feature({"name": "S3_DATA_EVENTS", "status": "ENABLED", "detector_id": {"$unknown": "aws_guardduty_detector.main.id"}}, to_main)
	count(rule.deny) == 0 with input as {"resources": [detector(s3_logs(false)), enabled]}
	unknown_name := feature({"name": {"$unknown": "each.key"}, "status": "ENABLED"}, to_main)
	count(rule.deny) == 0 with input as {"resources": [detector(s3_logs(false)), unknown_name]}
	elsewhere := feature({"name": "S3_DATA_EVENTS", "status": "ENABLED", "detector_id": {"$unknown": "var.detector_id"}}, [])
	count(rule.deny) == 0 with input as {"resources": [detector(s3_logs(false)), elsewhere]}
}
