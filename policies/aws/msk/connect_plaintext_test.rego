package palisade.aws.msk.connect_plaintext_test

import data.palisade.aws.msk.connect_plaintext as rule

connector(transit) := {"address": "aws_mskconnect_connector.sink", "type": "aws_mskconnect_connector", "name": "sink", "config": {"name": "sink", "kafkaconnect_version": "2.7.1", "kafka_cluster_client_authentication": [{"authentication_type": "IAM"}], "kafka_cluster_encryption_in_transit": transit}, "references": []}

test_fires_on_plaintext if {
	rule.deny == {{"msg": "aws_mskconnect_connector.sink connects to its Kafka cluster in plaintext (encryption_type = \"PLAINTEXT\")", "resource": "aws_mskconnect_connector.sink", "path": ["kafka_cluster_encryption_in_transit", 0, "encryption_type"]}} with input as {"resources": [connector([{"encryption_type": "PLAINTEXT"}])]}
}

test_fires_on_default if {
	rule.deny == {{"msg": "aws_mskconnect_connector.sink connects to its Kafka cluster in plaintext (encryption_type defaults to PLAINTEXT)", "resource": "aws_mskconnect_connector.sink", "path": ["kafka_cluster_encryption_in_transit", 0]}} with input as {"resources": [connector([{}])]}
	count(rule.deny) == 1 with input as {"resources": [connector([{"encryption_type": null}])]}
}

test_passes_on_tls if {
	count(rule.deny) == 0 with input as {"resources": [connector([{"encryption_type": "TLS"}])]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [connector([{"encryption_type": {"$unknown": "var.encryption_type"}}])]}
	count(rule.deny) == 0 with input as {"resources": [connector({"$unknown": "var.transit"})]}
}
