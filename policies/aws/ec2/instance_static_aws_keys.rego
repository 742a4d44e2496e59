# METADATA
# title: EC2 instance uses static AWS access keys
# description: |
#   The instance's user data sets AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY (as variables, in a
#   credentials file or with aws configure set), holds an access key id or writes
#   ~/.aws/credentials. Long-lived keys on a host never rotate, are readable by anyone who can read
#   the user data (any principal with ec2:DescribeInstanceAttribute) and outlive the instance. An
#   instance profile gives the same access with temporary credentials that rotate automatically.
# related_resources:
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_switch-role-ec2.html
# custom:
#   id: PAL-AWS-EC2-008
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_instance, aws_launch_template, aws_launch_configuration, "module:terraform-aws-modules/ec2-instance/aws"]
#   references:
#     kics: 0b93729a-d882-4803-bdc3-ac429a21f158
#   cwe: ["CWE-798"]
#   remediation: Remove the keys from user data and attach an IAM role through iam_instance_profile.
#   fixable: false
package palisade.aws.ec2.instance_static_aws_keys

import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

# Placed on the instance: the fix is an instance profile, not a different user data.
deny contains result.fail(t.resource, [], msg) if {
	some t in texts
	hands_keys(t.text)
	msg := sprintf("%s is handed static AWS access keys in its user data instead of using an instance profile", [t.resource.address])
}

# A provisioner that puts keys on the instance is placed on that provisioner block.
deny contains result.fail(p.resource, ["provisioner", p.index], msg) if {
	some p in provisioner_texts
	hands_keys(p.text)
	msg := sprintf("%s is handed static AWS access keys by a %s provisioner instead of using an instance profile", [p.resource.address, p.type])
}

# Writing the shared credentials file, or a long-lived access key id (AKIA…) anywhere.
hands_keys(text) if regex.match(`(?i)\.aws/credentials|\bAKIA[A-Z0-9]{16}\b`, text)

# Giving a key variable a value: NAME=value, "NAME": "value", credentials-file lines and
# aws configure set. Naming the variable without a value (export NAME, unset NAME, echo $NAME)
# hands over nothing, and a literal under six characters is a placeholder (FOO, x, changeme is
# not): key ids have 20 characters and secret keys 40. Values read at boot ($(cat …), $VAR) still
# count: they come from a file or variable that holds the static keys on the host.
hands_keys(text) if {
	some pattern in key_assignments
	some m in regex.find_all_string_submatch_n(pattern, text, -1)
	key_value(m[1])
}

key_assignments := [
	`(?i)aws_(?:access_key_id|secret_access_key)["']?[ \t]*[=:][ \t]*["']?([^\s"';]*)`,
	`(?i)configure[ \t]+set[ \t]+aws_(?:access_key_id|secret_access_key)[ \t]+["']?([^\s"';]*)`,
]

key_value(v) if count(v) >= 6

key_value(v) if {
	some prefix in {"$", "`"}
	startswith(v, prefix)
}

# What runs on the instance (remote-exec commands) or is copied onto it (the file provisioner's
# content and destination). local-exec runs where Terraform runs, not on the instance.
provisioner_texts contains {"resource": r, "index": i, "type": p.type, "text": concat("\n", strings)} if {
	some r in input.resources
	r.type in {"aws_instance", "aws_launch_template", "aws_launch_configuration"}
	some i, p in object.get(r.config, "provisioner", [])
	p.type in {"remote-exec", "file"}
	strings := [s |
		some key in ["inline", "content", "destination"]
		some s in _strings(object.get(p, key, null))
	]
}

_strings(v) := [v] if is_string(v)

_strings(v) := [s | some s in v; is_string(s)] if is_array(v)

_strings(v) := [] if {
	not is_string(v)
	not is_array(v)
}

# user_data is plain text on instances and launch configurations, base64 on launch templates.
texts contains {"resource": r, "text": r.config.user_data} if {
	some r in input.resources
	r.type in {"aws_instance", "aws_launch_configuration"}
	is_string(r.config.user_data)
}

texts contains {"resource": r, "text": decoded} if {
	some r in input.resources
	r.type in {"aws_instance", "aws_launch_template", "aws_launch_configuration"}
	decoded := _decode(object.get(r.config, "user_data_base64", null))
}

texts contains {"resource": r, "text": decoded} if {
	some r in tf.resources("aws_launch_template")
	decoded := _decode(object.get(r.config, "user_data", null))
}

# A launch template's user_data written as plain text (not base64) still puts the keys in the
# configuration and the state, so it is read as it is (as EC2-006 reads it).
texts contains {"resource": r, "text": r.config.user_data} if {
	some r in tf.resources("aws_launch_template")
	is_string(r.config.user_data)
	not base64.is_valid(r.config.user_data)
}

texts contains {"resource": m, "text": m.config.user_data} if {
	some m in modules.opaque_calls("ec2-instance")
	is_string(m.config.user_data)
}

texts contains {"resource": m, "text": decoded} if {
	some m in modules.opaque_calls("ec2-instance")
	decoded := _decode(object.get(m.config, "user_data_base64", null))
}

# User data written as a template with an unknown part is read by its literal text, each
# interpolation shown as "${}" (so `AWS_SECRET_ACCESS_KEY=${var.key}` hands a key, as `=$KEY` does).
texts contains {"resource": r, "text": text} if {
	some r in input.resources
	r.type in {"aws_instance", "aws_launch_template", "aws_launch_configuration"}
	some key in ["user_data", "user_data_base64"]
	text := unknown.literal_text(object.get(r.config, key, null))
}

_decode(v) := base64.decode(v) if {
	is_string(v)
	base64.is_valid(v)
}
