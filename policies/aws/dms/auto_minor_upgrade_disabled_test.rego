package palisade.aws.dms.auto_minor_upgrade_disabled_test

import data.palisade.aws.dms.auto_minor_upgrade_disabled as rule

instance(config) := {"resources": [{"address": "aws_dms_replication_instance.main", "type": "aws_dms_replication_instance", "name": "main", "config": object.union({"replication_instance_id": "main", "replication_instance_class": "dms.t3.medium"}, config), "references": []}]}

test_fires_when_false if {
	rule.deny == {{"msg": "aws_dms_replication_instance.main does not apply minor engine upgrades automatically (auto_minor_version_upgrade = false)", "resource": "aws_dms_replication_instance.main", "path": ["auto_minor_version_upgrade"], "fix": [{"op": "set", "path": ["auto_minor_version_upgrade"], "value": true}]}} with input as instance({"auto_minor_version_upgrade": false})
	count(rule.deny) == 1 with input as instance({"auto_minor_version_upgrade": "false"})
}

# Left out, the provider sends false (round 24: the Prisma Cloud page's bad form); the fix sets true.
test_fires_when_left_out if {
	rule.deny == {{"msg": "aws_dms_replication_instance.main does not set auto_minor_version_upgrade = true (left out, the provider creates the instance with false)", "resource": "aws_dms_replication_instance.main", "path": ["auto_minor_version_upgrade"], "fix": [{"op": "set", "path": ["auto_minor_version_upgrade"], "value": true}]}} with input as instance({})
	count(rule.deny) == 1 with input as instance({"auto_minor_version_upgrade": null})
}

test_passes if {
	count(rule.deny) == 0 with input as instance({"auto_minor_version_upgrade": true})
	count(rule.deny) == 0 with input as instance({"auto_minor_version_upgrade": "true"})
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as instance({"auto_minor_version_upgrade": {"$unknown": "var.auto_minor_version_upgrade"}})
}
