# METADATA
# title: AWS managed AdministratorAccess policy is attached
# description: |
#   Attaching arn:aws:iam::aws:policy/AdministratorAccess gives the user, group or role
#   unrestricted access to every service and resource. Keep it to a few break-glass roles and
#   grant workloads and people scoped policies instead. A role or group made by an opaque
#   terraform-aws-modules/iam submodule call that is given the policy's ARN, or told to attach its
#   preset admin policy (attach_admin_policy, create_admin_role), is reported on the call.
# related_resources:
#   - ref: https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AdministratorAccess.html
# custom:
#   id: PAL-AWS-IAM-007
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_iam_role_policy_attachment, aws_iam_user_policy_attachment, aws_iam_group_policy_attachment, aws_iam_policy_attachment, aws_iam_role, aws_iam_role_policy_attachments_exclusive, aws_iam_user_policy_attachments_exclusive, aws_iam_group_policy_attachments_exclusive, "module:terraform-aws-modules/iam/aws//modules/iam-github-oidc-role", "module:terraform-aws-modules/iam/aws//modules/iam-role", "module:terraform-aws-modules/iam/aws//modules/iam-role-for-service-accounts-eks", "module:terraform-aws-modules/iam/aws//modules/iam-eks-role", "module:terraform-aws-modules/iam/aws//modules/iam-assumable-role", "module:terraform-aws-modules/iam/aws//modules/iam-assumable-role-with-oidc", "module:terraform-aws-modules/iam/aws//modules/iam-assumable-role-with-saml", "module:terraform-aws-modules/iam/aws//modules/iam-group-with-policies", "module:terraform-aws-modules/iam/aws//modules/iam-group", "module:terraform-aws-modules/iam/aws//modules/iam-role-for-service-accounts", "module:terraform-aws-modules/iam/aws//modules/iam-assumable-roles", "module:terraform-aws-modules/iam/aws//modules/iam-assumable-roles-with-saml"]
#   frameworks:
#     cis-aws-2.0: ["1.16"]
#   references:
#     checkov: [CKV_AWS_274, CKV_AWS_275]
#   cwe: ["CWE-269"]
#   remediation: Attach a policy that grants only the permissions needed (or a job-function managed policy).
#   fixable: false
#   allow_unknown: true
package palisade.aws.iam.admin_policy_attached

import data.palisade.lib.iam_identity
import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

admin_arn_suffix := ":iam::aws:policy/AdministratorAccess"

attachment_types := {"aws_iam_role_policy_attachment", "aws_iam_user_policy_attachment", "aws_iam_group_policy_attachment", "aws_iam_policy_attachment"}

# Provider v5.7x's aws_iam_*_policy_attachments_exclusive: the identity keeps exactly policy_arns.
exclusive_types := {"aws_iam_role_policy_attachments_exclusive", "aws_iam_user_policy_attachments_exclusive", "aws_iam_group_policy_attachments_exclusive"}

# Walks the unit's IAM resources (iam_identity.iam_resources: one pass over input.resources,
# shared with the other IAM rules), in model order.
deny contains result.fail(r, ["policy_arn"], msg) if {
	some r in iam_identity.iam_resources
	r.type in attachment_types
	is_admin_at(r, ["policy_arn"], r.config.policy_arn)
	msg := sprintf("%s attaches the AdministratorAccess managed policy", [r.address])
}

deny contains result.fail(r, ["managed_policy_arns", i], msg) if {
	some r in iam_identity.of_type("aws_iam_role")
	some i, arn in unknown.items(object.get(r.config, "managed_policy_arns", null))
	is_admin_at(r, ["managed_policy_arns", i], arn)
	msg := sprintf("%s has the AdministratorAccess managed policy", [r.address])
}

deny contains result.fail(r, ["policy_arns", i], msg) if {
	some r in iam_identity.iam_resources
	r.type in exclusive_types
	some i, arn in unknown.items(object.get(r.config, "policy_arns", null))
	is_admin_at(r, ["policy_arns", i], arn)
	msg := sprintf("%s attaches the AdministratorAccess managed policy", [r.address])
}

# Opaque terraform-aws-modules/iam role and group submodules attach every managed policy ARN their
# input lists (a map's values, or a list), to the role or group they create: the same attachment.
deny contains result.fail(m, [input_name, key], msg) if {
	some sub, spec in iam_module_inputs
	some m in modules.submodule_calls("iam", sub)
	creates_identity(m, spec)
	some input_name in spec.inputs
	some key, arn in object.get(m.config, input_name, {})
	is_admin(arn)
	msg := sprintf("%s attaches the AdministratorAccess managed policy to the %s it creates", [m.address, spec.kind])
}

# Up to v5 the assumable-role submodules also attach a preset admin policy on a switch:
# iam-assumable-role's attach_admin_policy attaches admin_role_policy_arn (default
# AdministratorAccess) to the role create_role makes; iam-assumable-roles(-with-saml)'s
# create_admin_role makes a role with admin_role_policy_arns (default [AdministratorAccess]).
deny contains result.fail(m, [spec.flag], msg) if {
	some sub, spec in admin_presets
	some m in modules.submodule_calls("iam", sub)
	every switch in spec.switches {
		object.get(m.config, switch, false) == true
	}
	some arn in as_list(object.get(m.config, spec.arns, spec.preset))
	is_admin(arn)
	msg := sprintf("%s attaches the AdministratorAccess managed policy to the role it creates", [m.address])
}

# The inputs each submodule attaches, and the switch that makes it create the role or group: true
# by default, but false in the assumable-role submodules, which create a role only when asked.
iam_module_inputs := {
	"iam-github-oidc-role": {"inputs": ["policies"], "switch": "create", "default": true, "kind": "role"},
	"iam-role": {"inputs": ["policies"], "switch": "create", "default": true, "kind": "role"},
	"iam-role-for-service-accounts-eks": {"inputs": ["role_policy_arns"], "switch": "create_role", "default": true, "kind": "role"},
	"iam-eks-role": {"inputs": ["role_policy_arns"], "switch": "create_role", "default": true, "kind": "role"},
	"iam-assumable-role": {"inputs": ["custom_role_policy_arns"], "switch": "create_role", "default": false, "kind": "role"},
	"iam-assumable-role-with-oidc": {"inputs": ["role_policy_arns"], "switch": "create_role", "default": false, "kind": "role"},
	"iam-assumable-role-with-saml": {"inputs": ["role_policy_arns"], "switch": "create_role", "default": false, "kind": "role"},
	"iam-group-with-policies": {"inputs": ["custom_group_policy_arns"], "switch": "create_group", "default": true, "kind": "group"},
	# v6 names: iam-group-with-policies became iam-group, iam-role-for-service-accounts-eks
	# iam-role-for-service-accounts; both take a `policies` map and create by default.
	"iam-group": {"inputs": ["policies"], "switch": "create", "default": true, "kind": "group"},
	"iam-role-for-service-accounts": {"inputs": ["policies"], "switch": "create", "default": true, "kind": "role"},
}

admin_presets := {
	"iam-assumable-role": {"switches": ["create_role", "attach_admin_policy"], "flag": "attach_admin_policy", "arns": "admin_role_policy_arn", "preset": "arn:aws:iam::aws:policy/AdministratorAccess"},
	"iam-assumable-roles": {"switches": ["create_admin_role"], "flag": "create_admin_role", "arns": "admin_role_policy_arns", "preset": ["arn:aws:iam::aws:policy/AdministratorAccess"]},
	"iam-assumable-roles-with-saml": {"switches": ["create_admin_role"], "flag": "create_admin_role", "arns": "admin_role_policy_arns", "preset": ["arn:aws:iam::aws:policy/AdministratorAccess"]},
}

as_list(v) := [v] if is_string(v)

as_list(v) := v if is_array(v)

creates_identity(m, spec) if object.get(m.config, spec.switch, spec["default"]) == true

# Any partition (aws, aws-us-gov, aws-cn).
is_admin(arn) if {
	is_string(arn)
	startswith(arn, "arn:")
	endswith(arn, admin_arn_suffix)
}

# The forms written for any partition: "arn:${data.aws_partition.current.partition}:iam::aws:…",
# and the ARN of `data "aws_iam_policy"` looked up by that name or ARN.
is_admin_at(_, _, arn) if is_admin(arn)

is_admin_at(_, _, arn) if {
	unknown.is_unknown(arn)
	regex.match(`^"arn:(\$\{[^}]+\}|[a-z-]+):iam::aws:policy/AdministratorAccess"$`, arn["$unknown"])
}

is_admin_at(r, path, arn) if {
	unknown.is_unknown(arn)
	some ref in r.references
	ref.path == path
	ref.attribute == "arn"
	some d in tf.data_sources("aws_iam_policy")
	tf.refers_to(ref.target, d.address)
	admin_data_source(d.config)
}

admin_data_source(config) if config.name == "AdministratorAccess"

admin_data_source(config) if is_admin(config.arn)
