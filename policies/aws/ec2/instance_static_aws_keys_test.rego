package palisade.aws.ec2.instance_static_aws_keys_test

import data.palisade.aws.ec2.instance_static_aws_keys as rule

test_fires_on_exported_keys if {
	rule.deny == {{"msg": "aws_instance.app is handed static AWS access keys in its user data instead of using an instance profile", "resource": "aws_instance.app", "path": []}} with input as {"resources": [{"address": "aws_instance.app", "type": "aws_instance", "name": "app", "config": {"user_data": "#!/bin/bash\nexport AWS_ACCESS_KEY_ID=AKIAEXAMPLEKEYID0000\nexport AWS_SECRET_ACCESS_KEY=examplesecretvalue\n"}, "references": []}]}
}

test_fires_on_base64_credentials_file if {
	rule.deny == {{"msg": "aws_instance.app is handed static AWS access keys in its user data instead of using an instance profile", "resource": "aws_instance.app", "path": []}} with input as {"resources": [{"address": "aws_instance.app", "type": "aws_instance", "name": "app", "config": {"user_data_base64": "Y2F0ID4gfi8uYXdzL2NyZWRlbnRpYWxz"}, "references": []}]}
}

test_passes_without_keys if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_instance.app", "type": "aws_instance", "name": "app", "config": {"user_data": "#!/bin/bash\nyum update -y\n", "iam_instance_profile": "app"}, "references": []}]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_instance.app", "type": "aws_instance", "name": "app", "config": {"user_data": {"$unknown": "var.x"}}, "references": []}]}
}

test_fires_on_remote_exec_provisioner if {
	rule.deny == {{"msg": "aws_instance.app is handed static AWS access keys by a remote-exec provisioner instead of using an instance profile", "resource": "aws_instance.app", "path": ["provisioner", 1]}} with input as {"resources": [{"address": "aws_instance.app", "type": "aws_instance", "name": "app", "config": {"provisioner": [{"type": "remote-exec", "inline": ["yum update -y"]}, {"type": "remote-exec", "inline": ["echo export AWS_SECRET_ACCESS_KEY=$1 >> ~/.bashrc"]}]}, "references": []}]}
}

test_fires_on_file_provisioner_writing_credentials if {
	count(rule.deny) == 1 with input as {"resources": [{"address": "aws_instance.app", "type": "aws_instance", "name": "app", "config": {"provisioner": [{"type": "file", "source": "conf/creds", "destination": "~/.aws/credentials"}]}, "references": []}]}
}

test_local_exec_runs_elsewhere if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_instance.app", "type": "aws_instance", "name": "app", "config": {"provisioner": [{"type": "local-exec", "command": "aws configure set aws_access_key_id x"}]}, "references": []}]}
}

# Vendor example (Checkov CKV_AWS_46's passing instance): naming the variables, or giving them
# three-letter placeholders, hands over no key.
test_placeholders_and_bare_names_pass if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_instance.app", "type": "aws_instance", "name": "app", "config": {"user_data": "#!/bin/bash\nexport AWS_ACCESS_KEY_ID\nexport AWS_ACCESS_KEY_ID=FOO\nexport AWS_SECRET_ACCESS_KEY=bar\nunset AWS_SECRET_ACCESS_KEY\n"}, "references": []}]}
}

test_fires_on_key_id_alone if {
	count(rule.deny) == 1 with input as {"resources": [{"address": "aws_instance.app", "type": "aws_instance", "name": "app", "config": {"user_data": "#!/bin/bash\necho AKIAIOSFODNN7EXAMPLE > /etc/app/key\n"}, "references": []}]}
}

test_fires_on_credentials_file_lines if {
	count(rule.deny) == 1 with input as {"resources": [{"address": "aws_instance.app", "type": "aws_instance", "name": "app", "config": {"user_data": "#!/bin/bash\ncat > /root/creds <<EOF\n[default]\naws_secret_access_key = wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY\nEOF\n"}, "references": []}]}
}

test_fires_on_configure_set if {
	count(rule.deny) == 1 with input as {"resources": [{"address": "aws_instance.app", "type": "aws_instance", "name": "app", "config": {"user_data": "#!/bin/bash\naws configure set aws_secret_access_key \"$SECRET\"\n"}, "references": []}]}
}

test_fires_on_json_env if {
	count(rule.deny) == 1 with input as {"resources": [{"address": "aws_instance.app", "type": "aws_instance", "name": "app", "config": {"user_data": "{\"AWS_SECRET_ACCESS_KEY\": \"wJalrXUtnFEMIK7MDENG\"}"}, "references": []}]}
}

# Vendor example (Checkov CKV_AWS_46's failing launch template): plain-text user_data on a launch
# template still hands the keys over.
test_fires_on_plain_text_launch_template if {
	count(rule.deny) == 1 with input as {"resources": [{"address": "aws_launch_template.app", "type": "aws_launch_template", "name": "app", "config": {"user_data": " export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\n"}, "references": []}]}
}

app(user_data) := {"resources": [{"address": "aws_instance.app", "type": "aws_instance", "name": "app", "config": {"user_data": user_data}, "references": []}]}

test_template_with_unknown_part_is_read_by_its_literal_text if {
	count(rule.deny) == 1 with input as app({"$unknown": "<<-EOT\nexport AWS_DEFAULT_REGION=${var.region}\nexport AWS_SECRET_ACCESS_KEY=${var.secret}\nEOT"})
	count(rule.deny) == 0 with input as app({"$unknown": "<<-EOT\nexport AWS_DEFAULT_REGION=${var.region}\nEOT"})
	count(rule.deny) == 0 with input as app({"$unknown": "templatefile(\"keys.sh\", {})"})
}
