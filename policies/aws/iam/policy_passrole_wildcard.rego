# METADATA
# title: IAM policy allows iam:PassRole on any role
# description: |
#   iam:PassRole on Resource "*" lets the identity hand any role in the account, including
#   administrator roles, to a service it can use (EC2, Lambda, ECS, CloudFormation…), and so
#   act with that role's permissions: a classic privilege escalation path. Not reported when the
#   same document denies iam:PassRole on every resource without a condition. An Allow with
#   NotResource counts too: it grants every role except those listed; so does an ARN over every
#   role of an account ("arn:aws:iam::111122223333:role/*", "arn:aws:iam::*:*"). A condition
#   scopes the grant, except one that tests only iam:PassedToService: it limits the service the
#   role is passed to, not which role, so any role that service may assume can still be passed.
# related_resources:
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html
# custom:
#   id: PAL-AWS-IAM-003
#   severity: high
#   formats: [terraform]
#   resource_types: [aws_iam_policy, aws_iam_role_policy, aws_iam_user_policy, aws_iam_group_policy, aws_iam_role, "module:terraform-aws-modules/iam/aws//modules/iam-policy"]
#   frameworks: {}
#   references:
#     checkov: [CKV_AWS_110, CKV_AWS_286]
#   references:
#     kics: e39bee8c-fe54-4a3f-824d-e5e2d1cca40a
#   cwe: ["CWE-269"]
#   remediation: Limit iam:PassRole to the ARNs of the roles the workload passes, ideally with an iam:PassedToService condition.
#   fixable: false
#   allow_unknown: true
package palisade.aws.iam.policy_passrole_wildcard

import data.palisade.lib.iam
import data.palisade.lib.result

# allow_unknown: an ARN template whose account is an interpolation
# (`arn:aws:iam::${data.aws_caller_identity.current.account_id}:role/*`) is unknown, and it is the
# finding's place; the rule reports it only when the known resource part names every role.

# A bare "*" action is reported by policy_full_admin.
deny contains result.fail(st.resource, array.concat(st.path, ["Resource"]), msg) if {
	some st in iam.identity_statements
	s := st.statement
	iam.allows_action(s, "iam:PassRole")
	not iam.allows_all_actions(s)
	iam.allows_all_resources(s)
	_unscoped(s)
	not iam.cancelled(st, "iam:PassRole")
	not iam.scoped_by_deny(st, "iam:PassRole")
	msg := sprintf("%s allows iam:PassRole on every role%s", [st.resource.address, _service_note(s)])
}

# Session 24: an ARN whose resource part reaches every role (`role/*`, `role*`, `*`) passes any role
# of the account, as "*" does (a role can be passed only within its own account, so a "*" account
# adds nothing). A bare "*" action counts here: policy_full_admin reports it only on "*". A path
# prefix (`role/service-role/*`, `role/app-*`) is not every role. A statement that also lists "*" is
# reported there, once.
deny contains result.fail(st.resource, array.concat(st.path, e.path), msg) if {
	some st in iam.identity_statements
	s := st.statement
	iam.allows_action(s, "iam:PassRole")
	not "*" in iam.resources(s)
	some e in iam.wildcard_arns(s)
	iam.covers_type_format(e, "iam", ":*:role/*")
	_unscoped(s)
	not iam.cancelled(st, "iam:PassRole")
	not iam.scoped_by_deny(st, "iam:PassRole")
	msg := sprintf("%s allows iam:PassRole on %s, every role of the account%s", [st.resource.address, e.arn, _service_note(s)])
}

# Round 31: NotResource in an Allow grants every role but the listed ones (Access Analyzer warns
# "Pass role with NotResource"); a bare "*" action is again left to policy_full_admin.
deny contains result.fail(st.resource, array.concat(st.path, ["NotResource"]), msg) if {
	some st in iam.identity_statements
	s := st.statement
	iam.allows_action(s, "iam:PassRole")
	not iam.allows_all_actions(s)
	iam.allows_all_but_listed_resources(s)
	_unscoped(s)
	not iam.cancelled(st, "iam:PassRole")
	msg := sprintf("%s allows iam:PassRole on every role except those listed in NotResource%s", [st.resource.address, _service_note(s)])
}

# _unscoped(s): no condition, or one that tests iam:PassedToService alone (session 24). The IAM
# User Guide's PassRole examples name the roles in Resource and add iam:PassedToService to limit
# where they go: the key is the service principal the role is passed to, so on "*" any role that
# service may assume (an administrator role trusted by EC2 or Lambda) can still be passed. Any
# other key (aws:ResourceTag/…, iam:AssociatedResourceArn…) or an unknown part may restrict the
# roles and is left alone.
_unscoped(s) if not iam.has_condition(s)

_unscoped(s) if {
	_service_only(s)
}

_service_only(s) if {
	iam.has_condition(s)
	not iam.condition_unknown(s)
	every block in s.Condition {
		is_object(block)
		count(block) > 0
	}
	every c in iam.conditions(s) {
		c.key == "iam:passedtoservice"
	}
}

_service_note(s) := " (its iam:PassedToService condition limits the service, not the role)" if _service_only(s)

else := ""
