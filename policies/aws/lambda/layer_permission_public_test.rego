package palisade.aws.lambda.layer_permission_public_test

import data.palisade.aws.lambda.layer_permission_public as rule

permission(config) := {"resources": [{"address": "aws_lambda_layer_version_permission.share", "type": "aws_lambda_layer_version_permission", "name": "share", "config": object.union({"layer_name": "deps", "version_number": 3, "statement_id": "share", "action": "lambda:GetLayerVersion"}, config), "references": []}]}

test_public_layer_fires if {
	rule.deny == {{"msg": "aws_lambda_layer_version_permission.share shares the layer version with every AWS account: principal \"*\" without organization_id", "resource": "aws_lambda_layer_version_permission.share", "path": ["principal"]}} with input as permission({"principal": "*"})
}

test_organization_or_account_passes if {
	count(rule.deny) == 0 with input as permission({"principal": "*", "organization_id": "o-a1b2c3d4e5"})
	count(rule.deny) == 0 with input as permission({"principal": "*", "organization_id": {"$unknown": "var.org_id"}})
	count(rule.deny) == 0 with input as permission({"principal": "111122223333"})
}

test_unknown_principal_does_not_fire if {
	count(rule.deny) == 0 with input as permission({"principal": {"$unknown": "var.principal"}})
}
