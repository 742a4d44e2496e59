# METADATA
# title: Security group exposes a sensitive service to the internet
# description: |
#   An ingress rule admits a port of a service that is never meant for the internet — Telnet, FTP,
#   SMB, NetBIOS, SNMP, LDAP, the Docker API, etcd, SaltStack, SQL Server Analysis Services, VNC,
#   Kibana, the HDFS NameNode, cluster-internal database ports and the like — from 0.0.0.0/0 or
#   ::/0. These services are scanned for constantly and many authenticate weakly or not at all.
#   SSH, RDP and database ports have their own rules.
# related_resources:
#   - ref: https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html
# custom:
#   id: PAL-AWS-VPC-013
#   severity: high
#   formats: [terraform]
#   resource_types: [aws_security_group, aws_default_security_group, aws_security_group_rule, aws_vpc_security_group_ingress_rule, "module:terraform-aws-modules/security-group/aws"]
#   references:
#     kics: [54c417bf-c762-48b9-9d31-b3d87047e3f0, 381c3f2a-ef6f-4eff-99f7-b169cda3422c]
#   cwe: ["CWE-284"]
#   remediation: Allow the port only from the CIDRs or security groups that need it, or reach the service through a VPN or Session Manager.
#   fixable: false
package palisade.aws.vpc.sg_ingress_public_sensitive_port

import data.palisade.lib.net
import data.palisade.lib.result
import data.palisade.lib.sg

# SSH, RDP and databases are reported by their own rules; all-ports rules by
# sg_ingress_public_all_ports.
covered_elsewhere := {22, 1433, 1521, 3306, 3389, 5432, 5439, 6379, 9042, 9200, 11211, 27017}

ports[port] := name if {
	some port, name in net.sensitive_ports
	not port in covered_elsewhere
}

deny contains result.fail(entry.resource, entry.path, msg) if {
	some [entry, cidrs] in sg.public_ingress
	not net.all_ports(entry.protocol, entry.from, entry.to)
	exposed := net.exposed_services(entry.protocol, entry.from, entry.to, ports)
	count(exposed) > 0
	some cidr in cidrs
	msg := sprintf("%s exposes %s to %s", [entry.resource.address, concat(", ", exposed), cidr.value])
}
