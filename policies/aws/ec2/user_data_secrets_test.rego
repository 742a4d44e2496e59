package palisade.aws.ec2.user_data_secrets_test

import data.palisade.aws.ec2.user_data_secrets as rule

instance(config) := {"address": "aws_instance.web", "type": "aws_instance", "name": "web", "config": config, "references": []}

test_access_key_fires if {
	script := "#!/bin/bash\nexport AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\n"
	rule.deny == {{"msg": "the user_data of aws_instance.web contains an AWS access key id", "resource": "aws_instance.web", "path": ["user_data"]}} with input as {"resources": [instance({"user_data": script})]}
}

test_base64_launch_template_private_key_fires if {
	lt := {"address": "aws_launch_template.app", "type": "aws_launch_template", "name": "app", "references": [], "config": {"user_data": base64.encode("cat > k <<EOF\n-----BEGIN RSA PRIVATE KEY-----\nMIIE\nEOF\n")}}
	rule.deny == {{"msg": "the user_data of aws_launch_template.app contains a private key", "resource": "aws_launch_template.app", "path": ["user_data"]}} with input as {"resources": [lt]}
}

test_clean_script_passes if {
	count(rule.deny) == 0 with input as {"resources": [instance({"user_data": "#!/bin/bash\nyum install -y nginx\n"})]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [instance({"user_data": {"$unknown": "templatefile(var.t, {})"}})]}
}

test_registry_module_user_data_fires if {
	rule.deny == {{"msg": "the user_data_base64 of module.asg contains a private key", "resource": "module.asg", "path": ["user_data_base64"]}} with input as {"resources": [], "modules": [{"address": "module.asg", "name": "asg", "source": "terraform-aws-modules/autoscaling/aws", "config": {"user_data_base64": "LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQpzb21lS2V5"}}]}
}

test_plain_text_launch_template_fires if {
	lt := {"address": "aws_launch_template.app", "type": "aws_launch_template", "name": "app", "references": [], "config": {"user_data": "export AWS_ACCESS_KEY_ID=AKIAABCDEFGHIJKLMNOP\n"}}
	rule.deny == {{"msg": "the user_data of aws_launch_template.app contains an AWS access key id", "resource": "aws_launch_template.app", "path": ["user_data"]}} with input as {"resources": [lt]}
}

test_plain_text_launch_template_without_secrets_passes if {
	lt := {"address": "aws_launch_template.app", "type": "aws_launch_template", "name": "app", "references": [], "config": {"user_data": "#!/bin/bash\nyum install -y nginx\n"}}
	count(rule.deny) == 0 with input as {"resources": [lt]}
}

test_literal_password_fires if {
	rule.deny == {{"msg": "the user_data of aws_instance.web contains a password or token", "resource": "aws_instance.web", "path": ["user_data"]}} with input as {"resources": [instance({"user_data": "#!/bin/bash\nexport DATABASE_PASSWORD=password1234\n"})]}
	count(rule.deny) == 1 with input as {"resources": [instance({"user_data": "MYSQL_ROOT_PASSWORD='s3cr3t-pw' docker run mysql"})]}
	count(rule.deny) == 1 with input as {"resources": [instance({"user_data": "echo ok; GITHUB_TOKEN=ghp_abcdefghijklmnop ./register.sh"})]}
	count(rule.deny) == 1 with input as {"resources": [instance({"user_data": "export API_SECRET_KEY=\"9f8e7d6c5b4a\""})]}
}

test_computed_or_named_secrets_pass if {
	# fetched at boot, or the name/place of a secret rather than the secret
	count(rule.deny) == 0 with input as {"resources": [instance({"user_data": "#!/bin/bash\nDB_PASSWORD=$(aws secretsmanager get-secret-value --secret-id db --query SecretString --output text)\n"})]}
	count(rule.deny) == 0 with input as {"resources": [instance({"user_data": "TOKEN=`curl -s -X PUT http://169.254.169.254/latest/api/token`\n"})]}
	count(rule.deny) == 0 with input as {"resources": [instance({"user_data": "export SECRET_NAME=prod/db/credentials\nexport TOKEN_TTL=21600\nPASSWORD_FILE=/etc/app/pw\n"})]}
	count(rule.deny) == 0 with input as {"resources": [instance({"user_data": "export DB_PASSWORD_ARN=arn:aws:secretsmanager:eu-west-1:111122223333:secret:db\nexport DB_PASSWORD=/run/secrets/db\n"})]}

	# too short to be a secret, and names without a secret part
	count(rule.deny) == 0 with input as {"resources": [instance({"user_data": "export AWS_SECRET_ACCESS_KEY=bar\nexport PASSWORD=\nexport GREETING=hello-world\n"})]}
}

test_template_with_unknown_part_is_read_by_its_literal_text if {
	script := {"$unknown": "<<-EOT\n#!/bin/bash\nexport REGION=${var.region}\nexport DB_PASSWORD=hunter2hunter2\nEOT"}
	rule.deny == {{"msg": "the user_data of aws_instance.web contains a password or token", "resource": "aws_instance.web", "path": ["user_data"]}} with input as {"resources": [instance({"user_data": script})]}
	count(rule.deny) == 0 with input as {"resources": [instance({"user_data": {"$unknown": "<<-EOT\nexport DB_PASSWORD=${var.db_password}\nEOT"}})]}
}

test_configure_set_secret_key_fires if {
	script := "aws configure set aws_secret_access_key wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n"
	rule.deny == {{"msg": "the user_data of aws_instance.web contains an AWS secret access key", "resource": "aws_instance.web", "path": ["user_data"]}} with input as {"resources": [instance({"user_data": script})]}
}

# A value whose quotes are escaped (\"…\") is still a literal the shell assigns.
test_escaped_quoted_password_fires if {
	script := "export DATABASE_PASSWORD=\\\"SomeSortOfPassword\\\"\n"
	rule.deny == {{"msg": "the user_data of aws_instance.web contains a password or token", "resource": "aws_instance.web", "path": ["user_data"]}} with input as {"resources": [instance({"user_data": script})]}
}

# An assignment that opens a quoted argument writes the literal too: an env file by echo, a
# container's --env (round 13). A quoted word that only mentions the name does not.
test_quoted_assignment_argument_fires if {
	count(rule.deny) == 1 with input as {"resources": [instance({"user_data": "echo \"API_TOKEN=\\\"tok-9f8e7d6c5b4a\\\"\" >> /etc/app.env\n"})]}
	count(rule.deny) == 1 with input as {"resources": [instance({"user_data": "docker run --env 'DB_PASSWORD=s3cr3t-pw' app\n"})]}
	count(rule.deny) == 0 with input as {"resources": [instance({"user_data": "echo \"DB_PASSWORD=$(cat /run/secrets/db)\" >> /etc/app.env\n"})]}
}

# CloudGoat codebuild_secrets: the password variable's default interpolated into psql URLs next to
# an endpoint only known at apply.
test_password_in_url_from_a_written_variable_fires if {
	tpl := {"$unknown": "<<-EOF\npsql postgresql://${var.user}:${var.password}@${aws_db_instance.db.endpoint}/app -c 'select 1'\nEOF\n"}
	rule.deny == {{"msg": "the user_data of aws_instance.web contains a password in a URL", "resource": "aws_instance.web", "path": ["user_data"]}} with input as {"resources": [instance({"user_data": tpl})], "variables": {"user": "admin", "password": "wagrrrrwwgahh"}}
	count(rule.deny) == 0 with input as {"resources": [instance({"user_data": tpl})], "variables": {"user": "admin"}}
	count(rule.deny) == 0 with input as {"resources": [instance({"user_data": tpl})]}
}

test_password_in_url_literal_fires_and_expanded_passes if {
	count(rule.deny) == 1 with input as {"resources": [instance({"user_data": "git clone https://deploy:ghp_abcdef123456@github.com/o/r.git\n"})]}
	count(rule.deny) == 0 with input as {"resources": [instance({"user_data": "git clone https://deploy:$TOKEN@github.com/o/r.git\ncurl http://localhost:8080/health\nssh://git@github.com/o/r\n"})]}
}

# CloudGoat sns_secrets sets root's password in user data.
test_chpasswd_literal_fires if {
	tpl := {"$unknown": "<<EOF\n#!/bin/bash\necho \"root:Rh!n0Cl0udgo@t\" | chpasswd\naws sns publish --topic-arn ${aws_sns_topic.t.arn}\nEOF\n"}
	rule.deny == {{"msg": "the user_data of aws_instance.web contains a password set with chpasswd", "resource": "aws_instance.web", "path": ["user_data"]}} with input as {"resources": [instance({"user_data": tpl})]}
	count(rule.deny) == 0 with input as {"resources": [instance({"user_data": "echo \"ec2-user:$PASSWORD\" | chpasswd\n"})]}
}

# Round 22: cloud-config passwords (chpasswd list, password:, plain_text_passwd:).
test_cloud_config_passwords_fire if {
	lt := {"address": "aws_launch_template.lt", "type": "aws_launch_template", "name": "lt", "references": [], "config": {"user_data": base64.encode("#cloud-config\nchpasswd:\n  list: |\n    ubuntu:Ubuntu2024pw\n  expire: false\n")}}
	rule.deny == {{"msg": "the user_data of aws_launch_template.lt contains a password set by cloud-init", "resource": "aws_launch_template.lt", "path": ["user_data"]}} with input as {"resources": [lt]}
	count(rule.deny) == 1 with input as {"resources": [instance({"user_data": "#cloud-config\npassword: Welcome123\nchpasswd: { expire: False }\nssh_pwauth: true\n"})]}
	count(rule.deny) == 1 with input as {"resources": [instance({"user_data": "#cloud-config\nusers:\n  - name: ops\n    plain_text_passwd: 'opsops1234'\n    lock_passwd: false\n"})]}
}

test_cloud_config_without_password_passes if {
	count(rule.deny) == 0 with input as {"resources": [instance({"user_data": "#cloud-config\nchpasswd:\n  list: |\n    ubuntu:RANDOM\n  expire: true\nusers:\n  - name: ops\n    passwd: $6$rounds=4096$abc$def\n"})]}
	count(rule.deny) == 0 with input as {"resources": [instance({"user_data": "#cloud-config\npackages:\n  - nginx\nwrite_files:\n  - path: /etc/app.conf\n    content: |\n      mode: production\n"})]}

	# not cloud-config: a shell script's YAML heredoc is judged by the shell patterns only
	count(rule.deny) == 0 with input as {"resources": [instance({"user_data": "#!/bin/bash\necho 'password: changeme' > /etc/x.yml\n"})]}
}

# A spot instance request takes aws_instance's user_data and user_data_base64 (seen beside Snyk
# IaC's examples, round 29).
test_spot_instance_request_user_data_fires if {
	spot := {"address": "aws_spot_instance_request.w", "type": "aws_spot_instance_request", "name": "w", "config": {"user_data": "export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\n"}, "references": []}
	{f.msg | some f in rule.deny} == {"the user_data of aws_spot_instance_request.w contains an AWS access key id"} with input as {"resources": [spot]}
	b64 := {"address": "aws_spot_instance_request.w", "type": "aws_spot_instance_request", "name": "w", "config": {"user_data_base64": base64.encode("export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\n")}, "references": []}
	{f.path | some f in rule.deny} == {["user_data_base64"]} with input as {"resources": [b64]}
}

test_password_command_option_fires if {
	script := "#!/bin/bash\nmysql -u admin --password=Sup3rS3cretPw! -h db.internal < schema.sql\n"
	rule.deny == {{"msg": "the user_data of aws_instance.web contains a password or token", "resource": "aws_instance.web", "path": ["user_data"]}} with input as {"resources": [instance({"user_data": script})]}
}

test_secret_command_option_with_space_fires if {
	script := "#!/bin/bash\n/opt/agent/install --api-token 'f3a9c2e1d4b5' --site eu\n"
	rule.deny == {{"msg": "the user_data of aws_instance.web contains a password or token", "resource": "aws_instance.web", "path": ["user_data"]}} with input as {"resources": [instance({"user_data": script})]}
}

test_password_command_options_not_literal_pass if {
	script := concat("\n", [
		"#!/bin/bash",
		"aws ecr get-login-password --region eu-west-1 | docker login --username AWS --password-stdin 111122223333.dkr.ecr.eu-west-1.amazonaws.com",
		"mysql --password=\"$DB_PASSWORD\" -h db.internal",
		"agent --token-file=/etc/agent/token --password $(cat /run/secrets/pw)",
		"app --secret-arn arn:aws:secretsmanager:eu-west-1:111122223333:secret:db",
	])
	count(rule.deny) == 0 with input as {"resources": [instance({"user_data": script})]}
}

# Review of round 36 (s22/R2): a switch whose name ends in a secret part takes no value; the word
# after it is the next option or the command's own argument (adduser's user name), not a secret.
test_switch_options_pass if {
	script := concat("\n", [
		"#!/bin/bash",
		"adduser --disabled-password --gecos \"\" deploy",
		"adduser --disabled-password appuser",
		"useradd --no-password builder",
		"tool --ask-password --verbose",
	])
	count(rule.deny) == 0 with input as {"resources": [instance({"user_data": script})]}
}
