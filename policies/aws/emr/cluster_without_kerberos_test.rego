package palisade.aws.emr.cluster_without_kerberos_test

import data.palisade.aws.emr.cluster_without_kerberos as rule

cluster(config) := {"address": "aws_emr_cluster.spark", "type": "aws_emr_cluster", "name": "spark", "config": object.union({"name": "spark"}, config), "references": []}

kerberos := [{"realm": "EC2.INTERNAL", "kdc_admin_password": {"$unknown": "var.kdc_password"}}]

# AWS's Guard rules registry (emr_kerberos_enabled, round 40): a cluster without
# kerberos_attributes runs Hadoop's simple authentication.
test_cluster_with_security_configuration_but_no_kerberos_fires if {
	rule.deny == {{
		"msg": "aws_emr_cluster.spark does not use Kerberos: its Hadoop services take any user name a client claims",
		"resource": "aws_emr_cluster.spark", "path": [],
	}} with input as {"resources": [cluster({"security_configuration": "analytics"})]}
	count(rule.deny) == 1 with input as {"resources": [cluster({"security_configuration": {"$unknown": "aws_emr_security_configuration.sc.name"}})]}
}

test_cluster_with_kerberos_passes if {
	count(rule.deny) == 0 with input as {"resources": [cluster({"security_configuration": "kerberos", "kerberos_attributes": kerberos})]}
	count(rule.deny) == 0 with input as {"resources": [cluster({"security_configuration": "kerberos", "kerberos_attributes": {"$unknown": "dynamic"}})]}
}

# A cluster with no security configuration at all is PAL-AWS-EMR-004's finding (which names
# Kerberos among what it lacks): not reported twice.
test_cluster_without_security_configuration_is_left_to_emr_004 if {
	count(rule.deny) == 0 with input as {"resources": [cluster({"release_label": "emr-7.1.0"})]}
	count(rule.deny) == 0 with input as {"resources": [cluster({"security_configuration": null})]}
}
