# METADATA
# title: Security group exposes a database port to the internet
# description: |
#   An ingress rule admits a well-known database or cache port (MySQL, PostgreSQL, SQL Server,
#   Oracle, Redshift, MongoDB, Redis, Memcached, Elasticsearch, Cassandra) from 0.0.0.0/0 or
#   ::/0. Data stores are routinely found and ransacked by internet-wide scanners within hours of
#   being exposed; they should only be reachable from the application tier.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.RDSSecurityGroups.html
# custom:
#   id: PAL-AWS-VPC-004
#   severity: high
#   formats: [terraform]
#   resource_types: [aws_security_group, aws_default_security_group, aws_security_group_rule, aws_vpc_security_group_ingress_rule, "module:terraform-aws-modules/security-group/aws"]
#   frameworks: {}
#   references:
#     trivy: AVD-AWS-0107
#     kics: f0d8781f-99bf-4958-9917-d39283b168a0
#   cwe: ["CWE-284"]
#   remediation: Allow database ports only from the application's security group or private CIDRs.
#   fixable: false
package palisade.aws.vpc.sg_ingress_public_database

# KICS's "DB security group has public interface" (f0d8781f) is RDS-011 for aws_db_security_group;
# DataDog's copy of that query (datadog-iac-scanner, 2025) also reads aws_security_group ingress on
# database ports, which is this rule, so the id is cited here too (session 24, round 43).

import data.palisade.lib.net
import data.palisade.lib.result
import data.palisade.lib.sg

database_ports := {
	1433: "SQL Server", 1521: "Oracle", 3306: "MySQL", 5432: "PostgreSQL", 5439: "Redshift",
	6379: "Redis", 9042: "Cassandra", 9200: "Elasticsearch", 11211: "Memcached", 27017: "MongoDB",
}

deny contains result.fail(entry.resource, cidr.path, msg) if {
	some [entry, cidrs] in sg.public_ingress
	not net.all_ports(entry.protocol, entry.from, entry.to)
	exposed := sort([sprintf("%s (%d)", [name, port]) |
		some port, name in database_ports
		database_reachable(entry, port)
	])
	count(exposed) > 0
	some cidr in cidrs
	msg := sprintf("%s exposes %s from %s", [entry.resource.address, concat(", ", exposed), cidr.value])
}

database_reachable(entry, port) if net.covers_port(entry.protocol, entry.from, entry.to, port)

# Memcached also answers on UDP 11211 (on by default before 1.5.6): the port behind the 2018
# reflection attacks, so a UDP rule exposes it too (round 44, ElectricEye's SecurityGroup.16).
database_reachable(entry, 11211) if net.covers_l4_port(entry.protocol, entry.from, entry.to, 11211)
