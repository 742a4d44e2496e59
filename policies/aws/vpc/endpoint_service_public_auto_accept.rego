# METADATA
# title: VPC endpoint service admits every AWS principal without approval
# description: |
#   An endpoint service (PrivateLink) whose allowed principals include "*" — in allowed_principals
#   or through an aws_vpc_endpoint_service_allowed_principal with principal_arn = "*" — and that
#   sets acceptance_required = false lets any AWS account create an interface or Gateway Load
#   Balancer endpoint to it and be connected at once. AWS warns that the service's load balancer
#   is then public even though it has no public IP address. Granting "*" is a supported way to
#   offer a service widely; it is safe only with manual acceptance of each connection request.
# related_resources:
#   - ref: https://docs.aws.amazon.com/vpc/latest/privatelink/configure-endpoint-service.html
#   - ref: https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ModifyVpcEndpointServicePermissions.html
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/vpc_endpoint_service
# custom:
#   id: PAL-AWS-VPC-023
#   severity: high
#   formats: [terraform]
#   resource_types: [aws_vpc_endpoint_service, aws_vpc_endpoint_service_allowed_principal]
#   frameworks: {}
#   references: {}
#   cwe: ["CWE-284"]
#   remediation: Set acceptance_required = true and accept the connection requests you trust, or name the accounts allowed to connect.
#   fixable: true
package palisade.aws.vpc.endpoint_service_public_auto_accept

# The finding sits on acceptance_required = false; the fix sets it to true, an in-place update
# that keeps every principal the author named and the connections already accepted (AWS: removing
# permissions or changing acceptance does not affect accepted connections). New requests then
# wait for the owner's approval. Only a known "*" and a known false count: an unknown principal
# list or acceptance setting never reports on its own. Checkov CKV_AWS_123 asks for manual
# acceptance on every endpoint service, whoever may connect; this rule is narrower.

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

deny contains result.fail_fix(r, ["acceptance_required"], msg, [local_fix]) if {
	some r in tf.resources("aws_vpc_endpoint_service")
	unknown.is_false(object.get(r.config, "acceptance_required", null))
	grants := everyone(r)
	count(grants) > 0
	msg := sprintf("%s accepts every connection request automatically while %s allows every AWS principal", [r.address, concat(" and ", sort(grants))])
}

# The fix is only right for this block's own principal list: a false read from a variable's
# default or a module input may be shared with another endpoint service that names its principals
# and means to accept them automatically, and changing the value where it is defined would make
# that service wait for manual acceptance too (review of session 22, vpce-fail-sharedvar2), a
# change the fix verification cannot see. `derived_from` has the fix layer render it only where
# acceptance_required and allowed_principals are literal in the block (docs/fixes.md), and never
# move it to the variable or the call: a variable-fed false gets no fix.
local_fix := object.union(result.set(["acceptance_required"], true), {"derived_from": [["acceptance_required"], ["allowed_principals"]]})

# everyone(service): where the service grants "*": its own allowed_principals, or an
# aws_vpc_endpoint_service_allowed_principal that references it.
everyone(service) := array.concat(
	["allowed_principals" | "*" in unknown.items(object.get(service.config, "allowed_principals", []))],
	[p.address |
		some p in tf.referencing(service.address, "aws_vpc_endpoint_service_allowed_principal", ["vpc_endpoint_service_id"])
		p.config.principal_arn == "*"
	],
)
