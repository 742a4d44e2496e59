# METADATA
# title: Systems Manager lets the account share documents publicly
# description: |
#   The Region's service setting /ssm/documents/console/public-sharing-permission decides whether
#   the account's SSM documents may be shared with every AWS account (permissions with
#   account_ids "All"). "Enable" lets any user who may call ModifyDocumentPermission publish a
#   document, with the scripts, paths and parameter names it holds, to the world; "Disable" blocks
#   public sharing (AWS Config ssm-automation-block-public-sharing, Security Hub SSM.7). Reported:
#   an aws_ssm_service_setting for that setting (its path or its servicesetting ARN, literal or a
#   template that interpolates only what comes before the path) whose value is known to be Enable.
#   A Region whose setting the configuration does not write is not judged.
# related_resources:
#   - ref: https://docs.aws.amazon.com/systems-manager/latest/userguide/documents-ssm-sharing.html
#   - ref: https://docs.aws.amazon.com/config/latest/developerguide/ssm-automation-block-public-sharing.html
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/ssm-controls.html
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ssm_service_setting
# custom:
#   id: PAL-AWS-SSM-004
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_ssm_service_setting, aws_ssm_document]
#   frameworks: {}
#   references: {}
#   cwe: ["CWE-668"]
#   remediation: Set setting_value = "Disable" (and share documents with named account ids).
#   fixable: true
package palisade.aws.ssm.document_public_sharing_allowed

# Session 23, helper F1. The fix sets "Disable": the provider updates the setting in place
# (UpdateServiceSetting; setting_id is the only argument that replaces it), nothing is billed, and
# documents shared with named accounts stay shared. A document of the unit shared publicly, or
# whose account_ids are unknown, is a public reader the configuration shows: its share would fail
# once sharing is blocked, so the finding then carries no fix (PAL-AWS-SSM-002 reports that
# document and removes its share).

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

setting_path := "/ssm/documents/console/public-sharing-permission"

msg(r) := sprintf("%s lets the account share SSM documents with every AWS account (public-sharing-permission is Enable)", [r.address])

deny contains finding if {
	some r in tf.resources("aws_ssm_service_setting")
	sharing_setting(r)
	lower(unknown.known_string(object.get(r.config, "setting_value", null))) == "enable"
	finding := with_fix(r)
}

with_fix(r) := result.fail(r, ["setting_value"], sprintf("%s; no fix: a document here is shared publicly", [msg(r)])) if {
	public_document
} else := result.fail_fix(r, ["setting_value"], msg(r), [result.set(["setting_value"], "Disable")])

# The path, or arn:aws:ssm:<region>:<account>:servicesetting/ssm/documents/console/public-sharing-permission,
# also as a template whose interpolations (partition, Region, account) come before the literal path.
sharing_setting(r) if endswith(unknown.known_string(object.get(r.config, "setting_id", null)), setting_path)

sharing_setting(r) if endswith(unknown.literal_text(object.get(r.config, "setting_id", null)), concat("", [setting_path, `"`]))

public_document if {
	some d in tf.resources("aws_ssm_document")
	permissions := object.get(d.config, "permissions", null)
	permissions != null
	not private_share(permissions)
}

private_share(permissions) if {
	is_object(permissions)
	ids := object.get(permissions, "account_ids", null)
	is_string(ids)
	every id in split(ids, ",") {
		lower(trim_space(id)) != "all"
	}
}
