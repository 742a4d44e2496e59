# METADATA
# title: Lambda permission lets anyone invoke the function
# description: |
#   An aws_lambda_permission with principal "*" and no source_arn, source_account or
#   principal_org_id lets any AWS account (or anyone, through a function URL) invoke the
#   function. A service principal (s3.amazonaws.com, sns.amazonaws.com, …) without source_arn or
#   source_account lets any other customer's bucket, topic or rule of that service invoke it too
#   (the confused deputy problem). For s3.amazonaws.com a source_arn alone is not enough: a bucket
#   ARN carries no account ID, so once the bucket is deleted anyone can create a bucket of that
#   name in another account and invoke the function; source_account (or principal_org_id) pins the
#   owner, as AWS Config's lambda-function-public-access-prohibited requires.
# related_resources:
#   - ref: https://docs.aws.amazon.com/lambda/latest/dg/access-control-resource-based.html
#   - ref: https://docs.aws.amazon.com/config/latest/developerguide/lambda-function-public-access-prohibited.html
# custom:
#   id: PAL-AWS-LAMBDA-001
#   severity: high
#   formats: [terraform]
#   resource_types: [aws_lambda_permission, "module:terraform-aws-modules/lambda/aws"]
#   frameworks: {}
#   references:
#     checkov: [CKV_AWS_301, CKV_AWS_364]
#     kics: e08ed7eb-f3ef-494d-9d22-2e3db756a347
#     trivy: AVD-AWS-0067
#   cwe: ["CWE-732"]
#   remediation: >-
#     Set principal to the specific account or service, and restrict it with source_arn or source_account
#     (for s3.amazonaws.com, source_account as well as the bucket's source_arn).
#   fixable: false
package palisade.aws.lambda.permission_public

import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

scoping_attributes := ["source_arn", "source_account", "principal_org_id"]

# What pins a service principal to the caller's own resources; Alexa skills use a token instead.
service_scoping_attributes := ["source_arn", "source_account", "principal_org_id", "event_source_token"]

deny contains result.fail(r, ["principal"], msg) if {
	some r in tf.resources("aws_lambda_permission")
	r.config.principal == "*"
	every key in scoping_attributes {
		tf.missing_attr(r, [key])
	}
	msg := sprintf("%s lets any principal invoke the function", [r.address])
}

# A service principal (s3.amazonaws.com, sns.amazonaws.com, …) without a source condition lets the
# service invoke the function on behalf of any account's bucket, topic or rule: the confused deputy.
deny contains result.fail(r, ["principal"], msg) if {
	some r in tf.resources("aws_lambda_permission")
	service := unknown.known_string(r.config.principal)
	service_principal(service)
	every key in service_scoping_attributes {
		tf.missing_attr(r, [key])
	}
	msg := sprintf("%s lets %s invoke the function for any account's resources: no source_arn or source_account", [r.address, service])
}

# S3 with only a bucket ARN (round 40): bucket names are global and bucket ARNs hold no account ID,
# so a deleted bucket's name can be taken by another account whose events then reach the function.
# Reported on the principal, as the permission without any source is: source_arn is usually the
# bucket resource's computed ARN, and a finding on an unknown value is dropped (docs/policy.md),
# while what is missing (source_account) is known whatever the ARN.
deny contains result.fail(r, ["principal"], msg) if {
	some r in tf.resources("aws_lambda_permission")
	r.config.principal == "s3.amazonaws.com"
	tf.has_attr(r, ["source_arn"])
	every key in ["source_account", "principal_org_id"] {
		tf.missing_attr(r, [key])
	}
	msg := sprintf("%s lets s3.amazonaws.com invoke the function for a bucket named by source_arn in any account: no source_account", [r.address])
}

# Opaque terraform-aws-modules/lambda calls: each allowed_triggers entry becomes permissions with
# the entry's principal (else "<service>.amazonaws.com") and the entry's scoping keys, reported on
# the key that names the principal. Module versions before 2.x derived source_arn from an API
# Gateway entry's `arn`, so such an entry counts as scoped.
deny contains result.fail(t.call, ["allowed_triggers", t.key, "principal"], msg) if {
	some t in modules.lambda_triggers
	t.entry.principal == "*"
	every key in scoping_attributes {
		object.get(t.entry, key, null) == null
	}
	msg := sprintf("%s lets any principal invoke the function (allowed_triggers %q)", [t.call.address, t.key])
}

deny contains result.fail(t.call, ["allowed_triggers", t.key, trigger.path], msg) if {
	some t in modules.lambda_triggers
	trigger := trigger_service(t.entry)
	service_principal(trigger.principal)
	every key in array.concat(service_scoping_attributes, ["arn"]) {
		object.get(t.entry, key, null) == null
	}
	msg := sprintf(
		"%s lets %s invoke the function for any account's resources: allowed_triggers %q has no source_arn or source_account",
		[t.call.address, trigger.principal, t.key],
	)
}

deny contains result.fail(t.call, ["allowed_triggers", t.key, trigger.path], msg) if {
	some t in modules.lambda_triggers
	trigger := trigger_service(t.entry)
	trigger.principal == "s3.amazonaws.com"
	object.get(t.entry, "source_arn", null) != null
	every key in ["source_account", "principal_org_id"] {
		object.get(t.entry, key, null) == null
	}
	msg := sprintf(
		"%s lets s3.amazonaws.com invoke the function for a bucket named by source_arn in any account: allowed_triggers %q has no source_account",
		[t.call.address, t.key],
	)
}

trigger_service(entry) := {"principal": p, "path": "principal"} if p := unknown.known_string(entry.principal)

trigger_service(entry) := {"principal": concat("", [s, ".amazonaws.com"]), "path": "service"} if {
	not "principal" in object.keys(entry)
	s := unknown.known_string(entry.service)
	s != ""
}

service_principal(p) if endswith(p, ".amazonaws.com")

service_principal(p) if endswith(p, ".amazon.com")
