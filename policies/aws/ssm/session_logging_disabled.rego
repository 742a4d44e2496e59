# METADATA
# title: Session Manager preferences record no session output
# description: |
#   A Session document of sessionType Standard_Stream holds Session Manager's preferences: the
#   account's default (SSM-SessionManagerRunShell) or one a user names when starting a session.
#   When its inputs name neither an S3 bucket (s3BucketName) nor a CloudWatch Logs log group
#   (cloudWatchLogGroupName), the shells opened on managed instances leave no record of the
#   commands typed or their output: CloudTrail shows only that a session started. Port-forwarding
#   and command documents are not judged (their output is not logged by these preferences).
# related_resources:
#   - ref: https://docs.aws.amazon.com/systems-manager/latest/userguide/session-manager-schema.html
#   - ref: https://docs.aws.amazon.com/systems-manager/latest/userguide/session-manager-logging.html
#   - ref: https://docs.aws.amazon.com/systems-manager/latest/userguide/getting-started-create-preferences-cli.html
# custom:
#   id: PAL-AWS-SSM-003
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_ssm_document]
#   frameworks: {}
#   references: {}
#   cwe: ["CWE-778"]
#   remediation: >-
#     Name a log destination in the document's inputs: s3BucketName (session logs at the end of each
#     session) or cloudWatchLogGroupName (optionally streamed with cloudWatchStreamingEnabled).
#   fixable: false
package palisade.aws.ssm.session_logging_disabled

# The content is read as JSON (document_format JSON, the default) or YAML; an interpolated value
# (an unknown leaf, or a placeholder in a heredoc read from its text) counts as a destination. Content that cannot be read is not
# judged. s3EncryptionEnabled and cloudWatchEncryptionEnabled only make Session Manager refuse a
# destination that is not encrypted (S3 encrypts every new object since January 2023; CloudWatch
# Logs always encrypts log data): asking for them is asking for a key choice, left to the owner as
# the pack does for customer managed keys. No fix: the bucket or log group is the owner's.

import data.palisade.lib.resource_policy
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

deny contains result.fail(r, ["content"], msg) if {
	some r in tf.resources("aws_ssm_document")
	unknown.known_string(r.config.document_type) == "Session"
	doc := content(r)
	doc.sessionType == "Standard_Stream"
	inputs := object.get(doc, "inputs", {})
	is_object(inputs)
	not unknown.is_unknown(inputs)
	not destination(inputs, "s3BucketName")
	not destination(inputs, "cloudWatchLogGroupName")
	msg := sprintf("%s sets Session Manager preferences that log no session (neither s3BucketName nor cloudWatchLogGroupName)", [r.address])
}

destination(inputs, key) if {
	v := inputs[key]
	not v in {null, ""}
}

format(r) := upper(unknown.known_string(r.config.document_format)) if {
	tf.has_attr(r, ["document_format"])
} else := "JSON" if tf.missing_attr(r, ["document_format"])

# A JSON heredoc arrives parsed, an interpolated value as an unknown leaf (a destination).
content(r) := r.config.content if {
	is_object(r.config.content)
	unknown.known(r.config.content)
}

content(r) := doc if {
	text := unknown.known_string(r.config.content)
	doc := parse(format(r), text)
}

content(r) := doc if {
	unknown.is_unknown(r.config.content)
	body := resource_policy.template_body(trim_space(r.config.content["$unknown"]))
	doc := parse(format(r), regex.replace(body, `\$\{[^{}]*\}`, "<unknown>"))
}

parse("JSON", text) := doc if {
	json.is_valid(text)
	doc := json.unmarshal(text)
	is_object(doc)
}

parse("YAML", text) := doc if {
	yaml.is_valid(text)
	doc := yaml.unmarshal(text)
	is_object(doc)
}
