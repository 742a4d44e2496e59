package palisade.aws.iam.admin_policy_attached_test

import data.palisade.aws.iam.admin_policy_attached as rule

attachment(arn) := {"address": "aws_iam_role_policy_attachment.ci", "type": "aws_iam_role_policy_attachment", "name": "ci", "config": {"role": "ci", "policy_arn": arn}, "references": []}

test_admin_attachment_fires if {
	rule.deny == {{"msg": "aws_iam_role_policy_attachment.ci attaches the AdministratorAccess managed policy", "resource": "aws_iam_role_policy_attachment.ci", "path": ["policy_arn"]}} with input as {"resources": [attachment("arn:aws:iam::aws:policy/AdministratorAccess")]}
}

test_managed_policy_arns_fires if {
	role := {"address": "aws_iam_role.ci", "type": "aws_iam_role", "name": "ci", "config": {"managed_policy_arns": ["arn:aws:iam::aws:policy/ReadOnlyAccess", "arn:aws-us-gov:iam::aws:policy/AdministratorAccess"]}, "references": []}
	rule.deny == {{"msg": "aws_iam_role.ci has the AdministratorAccess managed policy", "resource": "aws_iam_role.ci", "path": ["managed_policy_arns", 1]}} with input as {"resources": [role]}
}

test_other_policy_passes if {
	count(rule.deny) == 0 with input as {"resources": [attachment("arn:aws:iam::aws:policy/ReadOnlyAccess")]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [attachment({"$unknown": "aws_iam_policy.x.arn"})]}
}

test_partition_interpolation_fires if {
	a := attachment({"$unknown": "\"arn:${data.aws_partition.current.partition}:iam::aws:policy/AdministratorAccess\""})
	count(rule.deny) == 1 with input as {"resources": [a]}
	b := attachment({"$unknown": "\"arn:${data.aws_partition.current.partition}:iam::aws:policy/ReadOnlyAccess\""})
	count(rule.deny) == 0 with input as {"resources": [b]}
}

test_policy_data_source_by_name_or_arn_fires if {
	by_name := object.union(attachment({"$unknown": "data.aws_iam_policy.admin.arn"}), {"references": [{"path": ["policy_arn"], "target": "data.aws_iam_policy.admin", "attribute": "arn"}]})
	role := {"address": "aws_iam_role.ci", "type": "aws_iam_role", "name": "ci", "config": {"managed_policy_arns": [{"$unknown": "data.aws_iam_policy.by_arn.arn"}]}, "references": [{"path": ["managed_policy_arns", 0], "target": "data.aws_iam_policy.by_arn", "attribute": "arn"}]}
	data_sources := [
		{"address": "data.aws_iam_policy.admin", "type": "aws_iam_policy", "name": "admin", "config": {"name": "AdministratorAccess"}},
		{"address": "data.aws_iam_policy.by_arn", "type": "aws_iam_policy", "name": "by_arn", "config": {"arn": "arn:aws:iam::aws:policy/AdministratorAccess"}},
	]
	{f.resource | some f in rule.deny} == {"aws_iam_role_policy_attachment.ci", "aws_iam_role.ci"} with input as {"resources": [by_name, role], "data": data_sources}
}

test_other_policy_data_source_passes if {
	a := object.union(attachment({"$unknown": "data.aws_iam_policy.ro.arn"}), {"references": [{"path": ["policy_arn"], "target": "data.aws_iam_policy.ro", "attribute": "arn"}]})
	count(rule.deny) == 0 with input as {"resources": [a], "data": [{"address": "data.aws_iam_policy.ro", "type": "aws_iam_policy", "name": "ro", "config": {"name": "ReadOnlyAccess"}}]}
}

# Provider v5.7x's aws_iam_*_policy_attachments_exclusive lists every managed policy kept.
test_exclusive_attachment_fires if {
	ex := {"address": "aws_iam_group_policy_attachments_exclusive.ops", "type": "aws_iam_group_policy_attachments_exclusive", "name": "ops", "config": {"group_name": "ops", "policy_arns": ["arn:aws:iam::aws:policy/ReadOnlyAccess", "arn:aws:iam::aws:policy/AdministratorAccess"]}, "references": []}
	rule.deny == {{"msg": "aws_iam_group_policy_attachments_exclusive.ops attaches the AdministratorAccess managed policy", "resource": "aws_iam_group_policy_attachments_exclusive.ops", "path": ["policy_arns", 1]}} with input as {"resources": [ex]}
	count(rule.deny) == 0 with input as {"resources": [json.patch(ex, [{"op": "replace", "path": "/config/policy_arns", "value": ["arn:aws:iam::aws:policy/ReadOnlyAccess"]}])]}
}

iam_call(sub, config) := {"address": "module.role", "source": sprintf("terraform-aws-modules/iam/aws//modules/%s", [sub]), "version": "~> 5.24", "config": config}

# DVSA vol-app: the GitHub Actions role of the opaque iam-github-oidc-role submodule is given
# AdministratorAccess through its `policies` map; the module attaches every ARN it is given.
test_opaque_iam_module_given_admin_fires if {
	call := iam_call("iam-github-oidc-role", {"name": "deploy", "subjects": ["repo:org/app:*"], "policies": {"AdministratorAccess": "arn:aws:iam::aws:policy/AdministratorAccess", "Extra": "arn:aws:iam::aws:policy/ReadOnlyAccess"}})
	rule.deny == {{"msg": "module.role attaches the AdministratorAccess managed policy to the role it creates", "resource": "module.role", "path": ["policies", "AdministratorAccess"]}} with input as {"resources": [], "modules": [call]}
	irsa := iam_call("iam-role-for-service-accounts-eks", {"role_policy_arns": {"admin": "arn:aws:iam::aws:policy/AdministratorAccess"}})
	count(rule.deny) == 1 with input as {"resources": [], "modules": [irsa]}
	oidc := iam_call("iam-assumable-role-with-oidc", {"create_role": true, "role_policy_arns": ["arn:aws:iam::aws:policy/AdministratorAccess"]})
	count(rule.deny) == 1 with input as {"resources": [], "modules": [oidc]}
}

# Not judged: a call that creates no role (switched off, or the assumable-role submodules' create_role
# left at its default false), a module whose code is read (its resources are checked), another policy.
test_opaque_iam_module_not_reported if {
	off := iam_call("iam-github-oidc-role", {"create": false, "policies": {"a": "arn:aws:iam::aws:policy/AdministratorAccess"}})
	count(rule.deny) == 0 with input as {"resources": [], "modules": [off]}
	unset := iam_call("iam-assumable-role", {"custom_role_policy_arns": ["arn:aws:iam::aws:policy/AdministratorAccess"]})
	count(rule.deny) == 0 with input as {"resources": [], "modules": [unset]}
	read := object.union(iam_call("iam-github-oidc-role", {"policies": {"a": "arn:aws:iam::aws:policy/AdministratorAccess"}}), {"dir": ".terraform/modules/role"})
	count(rule.deny) == 0 with input as {"resources": [], "modules": [read]}
	readonly := iam_call("iam-github-oidc-role", {"policies": {"ReadOnlyAccess": "arn:aws:iam::aws:policy/ReadOnlyAccess"}})
	count(rule.deny) == 0 with input as {"resources": [], "modules": [readonly]}
}

# Review R2 (session 21): v6 of terraform-aws-modules/iam renamed iam-group-with-policies to
# iam-group and iam-role-for-service-accounts-eks to iam-role-for-service-accounts, both taking a
# `policies` map and creating by default (`create = true`).
test_v6_group_and_irsa_submodules_fire if {
	group := iam_call("iam-group", {"name": "admins", "policies": {"AdministratorAccess": "arn:aws:iam::aws:policy/AdministratorAccess"}})
	rule.deny == {{"msg": "module.role attaches the AdministratorAccess managed policy to the group it creates", "resource": "module.role", "path": ["policies", "AdministratorAccess"]}} with input as {"resources": [], "modules": [group]}
	irsa := iam_call("iam-role-for-service-accounts", {"name": "ci", "policies": {"admin": "arn:aws:iam::aws:policy/AdministratorAccess"}})
	count(rule.deny) == 1 with input as {"resources": [], "modules": [irsa]}

	# v5's iam-eks-role (create_role defaults to true) attaches role_policy_arns the same way.
	eks := iam_call("iam-eks-role", {"role_name": "ci", "role_policy_arns": {"admin": "arn:aws:iam::aws:policy/AdministratorAccess"}})
	count(rule.deny) == 1 with input as {"resources": [], "modules": [eks]}
	off := iam_call("iam-group", {"create": false, "policies": {"admin": "arn:aws:iam::aws:policy/AdministratorAccess"}})
	count(rule.deny) == 0 with input as {"resources": [], "modules": [off]}
}

# v5 and earlier: iam-assumable-role's attach_admin_policy attaches admin_role_policy_arn (default
# AdministratorAccess) to the role create_role makes; iam-assumable-roles(-with-saml)'s
# create_admin_role makes a role with admin_role_policy_arns (default [AdministratorAccess]).
test_preset_admin_switches_fire if {
	role := iam_call("iam-assumable-role", {"create_role": true, "role_name": "admin", "attach_admin_policy": true})
	rule.deny == {{"msg": "module.role attaches the AdministratorAccess managed policy to the role it creates", "resource": "module.role", "path": ["attach_admin_policy"]}} with input as {"resources": [], "modules": [role]}
	roles := iam_call("iam-assumable-roles", {"create_admin_role": true, "trusted_role_arns": ["arn:aws:iam::111122223333:root"]})
	rule.deny == {{"msg": "module.role attaches the AdministratorAccess managed policy to the role it creates", "resource": "module.role", "path": ["create_admin_role"]}} with input as {"resources": [], "modules": [roles]}
	saml := iam_call("iam-assumable-roles-with-saml", {"create_admin_role": true, "provider_id": "x"})
	count(rule.deny) == 1 with input as {"resources": [], "modules": [saml]}
}

test_preset_admin_switches_not_reported if {
	# create_role defaults to false: no role, nothing attached.
	count(rule.deny) == 0 with input as {"resources": [], "modules": [iam_call("iam-assumable-role", {"attach_admin_policy": true})]}

	# The preset ARN replaced by another policy.
	count(rule.deny) == 0 with input as {"resources": [], "modules": [iam_call("iam-assumable-role", {"create_role": true, "attach_admin_policy": true, "admin_role_policy_arn": "arn:aws:iam::aws:policy/ReadOnlyAccess"})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [iam_call("iam-assumable-roles", {"create_admin_role": true, "admin_role_policy_arns": [{"$unknown": "var.admin_policy"}]})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [iam_call("iam-assumable-roles", {"create_readonly_role": true})]}
}
