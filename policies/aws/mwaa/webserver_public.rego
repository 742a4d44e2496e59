# METADATA
# title: MWAA environment's Airflow web server is reachable from the internet
# description: |
#   webserver_access_mode = "PUBLIC_ONLY" gives the Apache Airflow UI and its REST API a public
#   endpoint. Sign-in still goes through IAM, but the web server - which can trigger DAGs, read
#   connections and variables, and runs plugin code - is then exposed to the whole internet, and
#   stolen credentials or a web server flaw need no network foothold. The default, PRIVATE_ONLY,
#   serves it through a VPC endpoint only.
# related_resources:
#   - ref: https://docs.aws.amazon.com/mwaa/latest/userguide/configuring-networking.html
#   - ref: https://docs.aws.amazon.com/mwaa/latest/userguide/vpc-create.html
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/mwaa_environment#webserver_access_mode
# custom:
#   id: PAL-AWS-MWAA-001
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_mwaa_environment]
#   frameworks: {}
#   references:
#     checkov: CKV2_AWS_66
#   cwe: ["CWE-284"]
#   remediation: >-
#     Set webserver_access_mode = "PRIVATE_ONLY" and reach the Airflow UI through the VPC (a VPN,
#     Direct Connect, a bastion or a load balancer inside it). UpdateEnvironment changes it in place.
#   fixable: true
package palisade.aws.mwaa.webserver_public

import data.palisade.lib.fixes
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

# Low, as PAL-AWS-EKS-001 (a public endpoint that still authenticates with IAM). The fix writes
# PRIVATE_ONLY, which UpdateEnvironment applies in place; MWAA then creates the web server's VPC
# endpoint itself. With endpoint_management = "CUSTOMER" the owner must create that endpoint (for
# the endpoint service MWAA reports), which no edit here can do, so such an environment gets no fix.
deny contains fixes.finding(r, ["webserver_access_mode"], msg, ops) if {
	some r in tf.resources("aws_mwaa_environment")
	upper(unknown.known_string(r.config.webserver_access_mode)) == "PUBLIC_ONLY"
	ops := private_fix(r)
	msg := sprintf("%s serves the Airflow web server on a public endpoint (webserver_access_mode = \"PUBLIC_ONLY\")", [r.address])
}

private_fix(r) := [] if {
	not service_managed_endpoints(r)
} else := [result.set(["webserver_access_mode"], "PRIVATE_ONLY")]

service_managed_endpoints(r) if upper(unknown.known_string(object.get(r.config, "endpoint_management", "SERVICE"))) == "SERVICE"
