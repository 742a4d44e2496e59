# METADATA
# title: EC2 user data contains credentials
# description: |
#   The instance (or spot instance request), launch template or launch configuration user data contains what looks like an AWS access key, an
#   AWS secret key assignment, a private key, a literal assigned to a password, secret or token
#   variable (DB_PASSWORD=…, GITHUB_TOKEN=…) or to a command-line option (--password=…), a password in a URL (postgresql://user:pw@host) or
#   one piped to chpasswd, or a password cloud-init sets from #cloud-config (password:,
#   plain_text_passwd:, a chpasswd list). A module variable's written value interpolated into the template counts
#   as written there. User data is readable by anyone who can
#   describe the instance (and from inside it through the metadata service), is stored in
#   Terraform state, and often in version control. Use an instance role, and fetch other
#   secrets at boot from Secrets Manager or SSM Parameter Store.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/user-data.html
# custom:
#   id: PAL-AWS-EC2-006
#   severity: critical
#   formats: [terraform]
#   resource_types: [aws_instance, aws_spot_instance_request, aws_launch_template, aws_launch_configuration, "module:terraform-aws-modules/ec2-instance/aws", "module:terraform-aws-modules/autoscaling/aws"]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_46
#     trivy: [AVD-AWS-0029, AVD-AWS-0122, AVD-AWS-0129]
#     kics: [443488f5-c734-460b-a36d-5b3f330174dc, d7b9d850-3e06-4a75-852f-c46c2e92240b]
#   cwe: ["CWE-798"]
#   remediation: Remove the credentials from user data; give the instance an IAM role and read secrets from Secrets Manager or SSM at boot.
#   fixable: false
#   allow_unknown: true
package palisade.aws.ec2.user_data_secrets

import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.unknown

# A spot instance request takes aws_instance's user_data and user_data_base64.
types := {"aws_instance", "aws_spot_instance_request", "aws_launch_template", "aws_launch_configuration"}

patterns := {
	"an AWS access key id": `\b(AKIA|ASIA|A3T[A-Z0-9])[A-Z0-9]{16}\b`,
	"an AWS secret access key": `(?i)aws_secret_access_key(\s*[=:]\s*|\s+)["']?[A-Za-z0-9/+]{40}`,
	"a private key": `-----BEGIN ((RSA|EC|DSA|OPENSSH|ENCRYPTED|PGP) )?PRIVATE KEY( BLOCK)?-----`,
	# scheme://user:password@host (psql, mysql, git, curl): a literal password, not one the script
	# expands ($VAR, ${}), in a connection URL.
	"a password in a URL": `[A-Za-z][A-Za-z0-9+.-]*://[^\s:/@"'$]+:[^\s/@"'$]{4,}@`,
	# echo "user:password" | chpasswd sets an OS account's password to the literal.
	"a password set with chpasswd": `[A-Za-z_][A-Za-z0-9_.-]*:[^\s:"'$]{6,}["']?\s*\|\s*(sudo\s+)?chpasswd`,
}

# user_data as plain text; launch templates (and user_data_base64) hold base64.
texts contains {"resource": r, "key": "user_data", "text": r.config.user_data} if {
	some r in input.resources
	r.type in {"aws_instance", "aws_spot_instance_request", "aws_launch_configuration"}
	is_string(r.config.user_data)
}

texts contains {"resource": r, "key": "user_data_base64", "text": base64.decode(r.config.user_data_base64)} if {
	some r in input.resources
	r.type in types
	is_string(r.config.user_data_base64)
}

texts contains {"resource": r, "key": "user_data", "text": base64.decode(r.config.user_data)} if {
	some r in input.resources
	r.type == "aws_launch_template"
	is_string(r.config.user_data)
	base64.is_valid(r.config.user_data)
}

# A launch template's user_data written as plain text (not base64) still puts its secrets in the
# configuration and the state, so it is read as it is.
texts contains {"resource": r, "key": "user_data", "text": r.config.user_data} if {
	some r in input.resources
	r.type == "aws_launch_template"
	is_string(r.config.user_data)
	not base64.is_valid(r.config.user_data)
}

# Opaque registry modules that take user data as arguments.
texts contains {"resource": m, "key": "user_data", "text": m.config.user_data} if {
	some name in ["ec2-instance", "autoscaling"]
	some m in modules.opaque_calls(name)
	is_string(m.config.user_data)
}

texts contains {"resource": m, "key": "user_data_base64", "text": base64.decode(m.config.user_data_base64)} if {
	some name in ["ec2-instance", "autoscaling"]
	some m in modules.opaque_calls(name)
	is_string(m.config.user_data_base64)
}

# User data written as a template with an unknown part (a heredoc interpolating a variable with no
# value) is read by its literal text: a key or password written there is in the configuration.
# Hence allow_unknown: the finding is on that unknown user_data, and its literal text is the evidence.
texts contains {"resource": r, "key": key, "text": text} if {
	some r in input.resources
	r.type in types
	some key in ["user_data", "user_data_base64"]
	text := unknown.literal_text(with_variables(object.get(r.config, key, null)))
}

# with_variables(v): the unknown template with each ${var.name} whose value is a known string or
# number written in (a default or a .tfvars file of the module) — it is in the configuration as
# much as the template's literal text (CloudGoat's codebuild_secrets interpolates a password
# variable's default into psql URLs next to an instance endpoint only known at apply).
with_variables(v) := {"$unknown": strings.replace_n(values, v["$unknown"])} if {
	unknown.is_unknown(v)
	values := {sprintf("${var.%s}", [name]): format_int_or_string(value) |
		some m in regex.find_all_string_submatch_n(`\$\{var\.([A-Za-z0-9_-]+)\}`, v["$unknown"], -1)
		name := m[1]
		value := object.get(object.get(input, "variables", {}), name, null)
		scalar(value)
	}
	count(values) > 0
} else := v

scalar(value) if is_string(value)

scalar(value) if is_number(value)

format_int_or_string(value) := value if is_string(value)

else := sprintf("%v", [value])

deny contains result.fail(t.resource, [t.key], msg) if {
	some t in texts
	found := sort(array.concat(
		[what | some what, pattern in patterns; regex.match(pattern, t.text)],
		array.concat(
			[what | some what in {"a password or token"}; count(literal_secrets(t.text) | option_secrets(t.text)) > 0],
			[what | some what in {"a password set by cloud-init"}; count(cloud_config_passwords(t.text)) > 0],
		),
	))
	count(found) > 0
	msg := sprintf("the %s of %s contains %s", [t.key, t.resource.address, concat(" and ", found)])
}

# Shell assignments (NAME=value, export NAME="value") whose name has a password, secret or token
# part and whose value is a literal of six characters or more. Values the script computes ($VAR,
# $(…), `…`) or that name a place (an ARN, a path, a template) are not the secret itself, and
# neither are names that end in one (SECRET_NAME, TOKEN_TTL, PASSWORD_FILE, …). The opening quote
# may be escaped (NAME=\"value\", as scripts written inside another quoted string are): the shell
# still assigns the literal. The assignment may open a quoted argument (echo "API_TOKEN=…" >> .env,
# --env 'DB_PASSWORD=…'): the script writes the literal into a file or a command line.
literal_secrets(text) := {name |
	some m in regex.find_all_string_submatch_n(`(?m)(?:^|[\s;"'])(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)=\\?["']?([^\s"';\\]{6,})`, text, -1)
	name := m[1]
	lower(name) != "aws_secret_access_key" # its own pattern, with the key's shape
	parts := split(lower(name), "_")
	some part in parts
	part in secret_parts
	not parts[count(parts) - 1] in not_secret_suffixes
	not computed_or_place(m[2])
}

# Round 36: a command-line option whose name ends in a password, secret or token part, given a
# literal (mysql --password=…, an installer's --api-token …): the literal is on the command line
# the script runs. Options that only name where the secret is (--password-stdin, --token-file,
# --secret-arn) end in another part; computed values and places are skipped as above, and so
# are switches (below).
option_secrets(text) := {name |
	some m in regex.find_all_string_submatch_n(`(?m)(?:^|[\s;"'])--([A-Za-z][A-Za-z0-9-]*)(?:=|[ \t]+)\\?["']?([^\s"';\\]{6,})`, text, -1)
	name := m[1]
	parts := split(lower(name), "-")
	parts[count(parts) - 1] in secret_parts
	not parts[0] in switch_prefixes
	not startswith(m[2], "-")
	not computed_or_place(m[2])
}

# Review of round 36: an option that says the secret is absent, asked for or made up (adduser
# --disabled-password, --no-password, --ask-password, --random-password) is a switch: the word after
# it is the next option (starts with "-") or the command's own argument, such as the user's name.
switch_prefixes := {"disabled", "disable", "no", "without", "skip", "ask", "prompt", "empty", "random", "generate", "lock"}

secret_parts := {"password", "passwd", "pwd", "secret", "token", "apikey"}

not_secret_suffixes := {
	"name", "id", "arn", "path", "file", "url", "uri", "region", "ttl",
	"type", "dir", "length", "len", "param", "parameter", "ref", "version", "endpoint",
}

computed_or_place(value) if {
	some prefix in {"$", "`", "arn:", "/", "{{", "<", "%"}
	startswith(value, prefix)
}

# Round 22: cloud-init sets passwords from #cloud-config user data too: `password:` (the default
# user's), a user's `plain_text_passwd:` or a chpasswd `users:` entry's `password:`, and the lines
# of the older chpasswd `list:` (user:password). Hashed values ($6$…) and cloud-init's RANDOM / R
# (a generated password) are not the secret; the text must declare itself cloud-config.
cloud_config_passwords(text) := {value |
	startswith(trim_left(text, " \t\r\n"), "#cloud-config")
	some m in regex.find_all_string_submatch_n(`(?m)^[ \t]*(?:-[ \t]*)?(?:plain_text_passwd|password)[ \t]*:[ \t]*["']?([^\s"'$]{6,})`, text, -1)
	value := m[1]
	not value in {"RANDOM"}
} | {value |
	startswith(trim_left(text, " \t\r\n"), "#cloud-config")
	some block in regex.find_all_string_submatch_n(`(?m)^[ \t]*list:[ \t]*\|-?[ \t]*\n((?:[ \t]+[A-Za-z_][A-Za-z0-9_.-]*:[^\s:]+[ \t]*\n?)+)`, text, -1)
	some line in split(block[1], "\n")
	parts := split(trim_space(line), ":")
	count(parts) == 2
	value := parts[1]
	count(value) >= 6
	not value in {"RANDOM"}
	not startswith(value, "$")
}
