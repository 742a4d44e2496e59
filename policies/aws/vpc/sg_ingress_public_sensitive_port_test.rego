package palisade.aws.vpc.sg_ingress_public_sensitive_port_test

import data.palisade.aws.vpc.sg_ingress_public_sensitive_port as rule

test_fires_on_2383 if {
	rule.deny == {{"msg": "aws_security_group.web exposes SQL Server Analysis Services (2383) to 0.0.0.0/0", "resource": "aws_security_group.web", "path": ["ingress", 0]}} with input as {"resources": [{"address": "aws_security_group.web", "type": "aws_security_group", "name": "web", "config": {"name": "web", "description": "x", "ingress": [{"protocol": "tcp", "from_port": 2383, "to_port": 2383, "cidr_blocks": ["0.0.0.0/0"]}]}, "references": []}]}
}

test_fires_on_udp_smb if {
	rule.deny == {{"msg": "aws_security_group.web exposes SMB (445) to ::/0", "resource": "aws_security_group.web", "path": ["ingress", 0]}} with input as {"resources": [{"address": "aws_security_group.web", "type": "aws_security_group", "name": "web", "config": {"name": "web", "description": "x", "ingress": [{"protocol": "udp", "from_port": 445, "to_port": 445, "ipv6_cidr_blocks": ["::/0"]}]}, "references": []}]}
}

test_passes_on_private_source if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_security_group.web", "type": "aws_security_group", "name": "web", "config": {"name": "web", "description": "x", "ingress": [{"protocol": "tcp", "from_port": 2383, "to_port": 2383, "cidr_blocks": ["10.0.0.0/16"]}]}, "references": []}]}
}

test_leaves_ssh_to_its_rule if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_security_group.web", "type": "aws_security_group", "name": "web", "config": {"name": "web", "description": "x", "ingress": [{"protocol": "tcp", "from_port": 22, "to_port": 22, "cidr_blocks": ["0.0.0.0/0"]}]}, "references": []}]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_security_group.web", "type": "aws_security_group", "name": "web", "config": {"name": "web", "description": "x", "ingress": [{"protocol": "tcp", "from_port": 2383, "to_port": 2383, "cidr_blocks": {"$unknown": "var.x"}}]}, "references": []}]}
}

# Regula's port rules (session 15): etcd holds a Kubernetes cluster's secrets and is never a
# public service.
test_fires_on_etcd if {
	rule.deny == {{"msg": "aws_security_group.k8s exposes etcd (2379) to 0.0.0.0/0", "resource": "aws_security_group.k8s", "path": ["ingress", 0]}} with input as {"resources": [{"address": "aws_security_group.k8s", "type": "aws_security_group", "name": "k8s", "config": {"name": "k8s", "description": "x", "ingress": [{"protocol": "tcp", "from_port": 2379, "to_port": 2379, "cidr_blocks": ["0.0.0.0/0"]}]}, "references": []}]}
}

# SaltStack's two master ports in one range are one finding naming both.
test_fires_on_saltstack_range if {
	rule.deny == {{"msg": "aws_security_group.salt exposes SaltStack publisher (4505), SaltStack request server (4506) to 0.0.0.0/0", "resource": "aws_security_group.salt", "path": ["ingress", 0]}} with input as {"resources": [{"address": "aws_security_group.salt", "type": "aws_security_group", "name": "salt", "config": {"name": "salt", "description": "x", "ingress": [{"protocol": "tcp", "from_port": 4505, "to_port": 4506, "cidr_blocks": ["0.0.0.0/0"]}]}, "references": []}]}
}

# Elasticsearch's transport port is VPC-013's (9200, the HTTP API, is VPC-004's).
test_fires_on_elasticsearch_transport if {
	rule.deny == {{"msg": "aws_security_group.es exposes Elasticsearch transport (9300) to 0.0.0.0/0", "resource": "aws_security_group.es", "path": ["ingress", 0]}} with input as {"resources": [{"address": "aws_security_group.es", "type": "aws_security_group", "name": "es", "config": {"name": "es", "description": "x", "ingress": [{"protocol": "tcp", "from_port": 9300, "to_port": 9300, "cidr_blocks": ["0.0.0.0/0"]}]}, "references": []}]}
}

# CloudSploit's openHadoopNameNode / openHadoopNameNodeWebUI (session 21): the HDFS NameNode's
# RPC port and web interface hand out the file system's contents to whoever asks when Hadoop runs
# without Kerberos, its default.
test_fires_on_hdfs_namenode_ports if {
	rule.deny == {{"msg": "aws_security_group.hdfs exposes HDFS NameNode (8020) to 0.0.0.0/0", "resource": "aws_security_group.hdfs", "path": ["ingress", 0]}, {"msg": "aws_security_group.hdfs exposes HDFS NameNode web UI (50070) to ::/0", "resource": "aws_security_group.hdfs", "path": ["ingress", 1]}, {"msg": "aws_security_group.hdfs exposes HDFS NameNode web UI (9870) to 0.0.0.0/0", "resource": "aws_security_group.hdfs", "path": ["ingress", 2]}} with input as {"resources": [{"address": "aws_security_group.hdfs", "type": "aws_security_group", "name": "hdfs", "config": {"name": "hdfs", "description": "x", "ingress": [{"protocol": "tcp", "from_port": 8020, "to_port": 8020, "cidr_blocks": ["0.0.0.0/0"]}, {"protocol": "tcp", "from_port": 50070, "to_port": 50070, "ipv6_cidr_blocks": ["::/0"]}, {"protocol": "tcp", "from_port": 9870, "to_port": 9870, "cidr_blocks": ["0.0.0.0/0"]}]}, "references": []}]}
}

# CloudSploit's openOracleAutoDataWarehouse: 1522 is Oracle's TCPS listener port (Autonomous
# Database's), a database listener like 1521 and 2484.
test_fires_on_oracle_tcps_1522 if {
	rule.deny == {{"msg": "aws_security_group.ora exposes Oracle (TCPS) (1522) to 0.0.0.0/0", "resource": "aws_security_group.ora", "path": ["ingress", 0]}} with input as {"resources": [{"address": "aws_security_group.ora", "type": "aws_security_group", "name": "ora", "config": {"name": "ora", "description": "x", "ingress": [{"protocol": "tcp", "from_port": 1522, "to_port": 1522, "cidr_blocks": ["0.0.0.0/0"]}]}, "references": []}]}
}

# Prowler's port checks (round 32): a Kerberos KDC answers AS-REQ for any user name (user
# enumeration, AS-REP roasting) and kadmin/kpasswd change credentials; Kafka's default PLAINTEXT
# listener takes unauthenticated clients; Oracle's 2483 is its registered non-TLS listener port
# (2484 was already here); Cassandra's JMX (7199) runs management operations and Thrift (9160)
# is its legacy client API.
test_fires_on_kerberos if {
	rule.deny == {{"msg": "aws_security_group.dc exposes Kerberos (88) to 0.0.0.0/0", "resource": "aws_security_group.dc", "path": ["ingress", 0]}} with input as {"resources": [{"address": "aws_security_group.dc", "type": "aws_security_group", "name": "dc", "config": {"name": "dc", "description": "x", "ingress": [{"protocol": "udp", "from_port": 88, "to_port": 88, "cidr_blocks": ["0.0.0.0/0"]}]}, "references": []}]}
}

test_fires_on_kerberos_admin_ports if {
	rule.deny == {{"msg": "aws_security_group.dc exposes Kerberos password change (464) to 0.0.0.0/0", "resource": "aws_security_group.dc", "path": ["ingress", 0]}, {"msg": "aws_security_group.dc exposes Kerberos administration (749) to 0.0.0.0/0", "resource": "aws_security_group.dc", "path": ["ingress", 1]}} with input as {"resources": [{"address": "aws_security_group.dc", "type": "aws_security_group", "name": "dc", "config": {"name": "dc", "description": "x", "ingress": [{"protocol": "tcp", "from_port": 464, "to_port": 464, "cidr_blocks": ["0.0.0.0/0"]}, {"protocol": "tcp", "from_port": 749, "to_port": 749, "cidr_blocks": ["0.0.0.0/0"]}]}, "references": []}]}
}

test_fires_on_kafka_oracle_cassandra_management if {
	rule.deny == {
		{"msg": "aws_security_group.d exposes Kafka (9092) to 0.0.0.0/0", "resource": "aws_security_group.d", "path": ["ingress", 0]},
		{"msg": "aws_security_group.d exposes Oracle listener (2483) to 0.0.0.0/0", "resource": "aws_security_group.d", "path": ["ingress", 1]},
		{"msg": "aws_security_group.d exposes Cassandra JMX (7199) to 0.0.0.0/0", "resource": "aws_security_group.d", "path": ["ingress", 2]},
		{"msg": "aws_security_group.d exposes Cassandra Thrift (9160) to 0.0.0.0/0", "resource": "aws_security_group.d", "path": ["ingress", 3]},
	} with input as {"resources": [{
		"address": "aws_security_group.d", "type": "aws_security_group", "name": "d", "config": {"name": "d", "description": "x", "ingress": [
			{"protocol": "tcp", "from_port": 9092, "to_port": 9092, "cidr_blocks": ["0.0.0.0/0"]},
			{"protocol": "tcp", "from_port": 2483, "to_port": 2483, "cidr_blocks": ["0.0.0.0/0"]},
			{"protocol": "tcp", "from_port": 7199, "to_port": 7199, "cidr_blocks": ["0.0.0.0/0"]},
			{"protocol": "tcp", "from_port": 9160, "to_port": 9160, "cidr_blocks": ["0.0.0.0/0"]},
		]},
		"references": [],
	}]}
}

test_kafka_from_private_range_passes if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_security_group.d", "type": "aws_security_group", "name": "d", "config": {"name": "d", "description": "x", "ingress": [{"protocol": "tcp", "from_port": 9092, "to_port": 9092, "cidr_blocks": ["10.0.0.0/16"]}]}, "references": []}]}
}

# IMAP (143) is on Security Hub's EC2.19 high-risk list beside POP3 (110): plain-text mail
# logins.
test_fires_on_imap if {
	rule.deny == {{"msg": "aws_security_group.mail exposes IMAP (143) to 0.0.0.0/0", "resource": "aws_security_group.mail", "path": ["ingress", 0]}} with input as {"resources": [{"address": "aws_security_group.mail", "type": "aws_security_group", "name": "mail", "config": {"name": "mail", "description": "x", "ingress": [{"protocol": "tcp", "from_port": 143, "to_port": 143, "cidr_blocks": ["0.0.0.0/0"]}]}, "references": []}]}
}
