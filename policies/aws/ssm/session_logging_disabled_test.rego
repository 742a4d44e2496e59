package palisade.aws.ssm.session_logging_disabled_test

import data.palisade.aws.ssm.session_logging_disabled as rule

doc(config) := {"resources": [{"address": "aws_ssm_document.prefs", "type": "aws_ssm_document", "name": "prefs", "config": config, "references": []}]}

session(inputs) := object.union(
	{"name": "SSM-SessionManagerRunShell", "document_type": "Session", "document_format": "JSON"},
	{"content": json.marshal({"schemaVersion": "1.0", "sessionType": "Standard_Stream", "inputs": inputs})},
)

test_no_destination_fires if {
	rule.deny == {{
		"msg": "aws_ssm_document.prefs sets Session Manager preferences that log no session (neither s3BucketName nor cloudWatchLogGroupName)",
		"resource": "aws_ssm_document.prefs", "path": ["content"],
	}} with input as doc(session({"s3BucketName": "", "cloudWatchLogGroupName": "", "idleSessionTimeout": "20"}))
	count(rule.deny) == 1 with input as doc(session({"runAsEnabled": false}))
	count(rule.deny) == 1 with input as doc(session({"s3EncryptionEnabled": true, "kmsKeyId": "alias/ssm"}))
}

test_a_destination_passes if {
	count(rule.deny) == 0 with input as doc(session({"s3BucketName": "session-logs", "s3EncryptionEnabled": false}))
	count(rule.deny) == 0 with input as doc(session({"cloudWatchLogGroupName": "/ssm/sessions", "cloudWatchEncryptionEnabled": false}))
}

test_yaml_content_is_read if {
	yaml_doc := {
		"name": "prefs", "document_type": "Session", "document_format": "YAML",
		"content": "schemaVersion: '1.0'\nsessionType: Standard_Stream\ninputs:\n  s3BucketName: ''\n",
	}
	count(rule.deny) == 1 with input as doc(yaml_doc)
	count(rule.deny) == 0 with input as doc(object.union(yaml_doc, {"content": "schemaVersion: '1.0'\nsessionType: Standard_Stream\ninputs:\n  s3BucketName: logs\n"}))
}

test_interpolated_destination_passes if {
	text := "<<DOC\n{\"schemaVersion\": \"1.0\", \"sessionType\": \"Standard_Stream\", \"inputs\": {\"s3BucketName\": \"${var.bucket}\"}}\nDOC"
	count(rule.deny) == 0 with input as doc({"document_type": "Session", "content": {"$unknown": text}})
	empty := "<<DOC\n{\"schemaVersion\": \"1.0\", \"sessionType\": \"Standard_Stream\", \"inputs\": {\"idleSessionTimeout\": \"${var.idle}\"}}\nDOC"
	count(rule.deny) == 1 with input as doc({"document_type": "Session", "content": {"$unknown": empty}})
}

test_parsed_content_with_unknown_leaves if {
	parsed := {"schemaVersion": "1.0", "sessionType": "Standard_Stream", "inputs": {"idleSessionTimeout": {"$unknown": "var.idle"}, "s3BucketName": ""}}
	count(rule.deny) == 1 with input as doc({"document_type": "Session", "content": parsed})
	with_bucket := json.patch(parsed, [{"op": "replace", "path": "/inputs/s3BucketName", "value": {"$unknown": "var.bucket"}}])
	count(rule.deny) == 0 with input as doc({"document_type": "Session", "content": with_bucket})
	count(rule.deny) == 0 with input as doc({"document_type": "Session", "content": json.patch(parsed, [{"op": "replace", "path": "/inputs", "value": {"$unknown": "var.inputs"}}])})
}

test_other_documents_are_not_judged if {
	port := json.marshal({"schemaVersion": "1.0", "sessionType": "Port", "properties": {"portNumber": "22"}})
	count(rule.deny) == 0 with input as doc({"document_type": "Session", "content": port})
	count(rule.deny) == 0 with input as doc(object.union(session({}), {"document_type": "Command"}))
	count(rule.deny) == 0 with input as doc({"document_type": "Session", "content": {"$unknown": "jsonencode(local.prefs)"}})
	count(rule.deny) == 0 with input as doc({"document_type": "Session", "content": "not json"})
}
