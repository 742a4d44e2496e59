# METADATA
# title: AWS provider has access keys written in the configuration
# description: |
#   A provider "aws" block whose access_key or secret_key is a value written in the configuration
#   (the block itself, a variable's default or a .tfvars file) puts long-term IAM user keys in the
#   repository, its history and every clone: whoever reads them acts as that user until the key is
#   deactivated. AWS's guidance is to keep access keys out of code and prefer temporary
#   credentials. Keys Terraform only learns at apply time (a variable without a default) are not
#   reported, nor a provider with skip_credentials_validation = true, the setting of test
#   endpoints such as LocalStack that take any dummy key.
# related_resources:
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#bp-workloads-use-roles
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html#securing_access-keys
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs#authentication-and-configuration
# custom:
#   id: PAL-AWS-CREDENTIALS-003
#   severity: high
#   formats: [terraform]
#   resource_types: ["provider:aws"]
#   frameworks:
#     pci-dss-4.0: ["8.3.2", "8.6.2"]
#     nist-800-53: [IA-5(7)]
#     soc2: [CC6.1]
#   references:
#     checkov: CKV_AWS_41
#   cwe: ["CWE-798"]
#   remediation: |
#     Remove access_key and secret_key from the provider block and let the provider find
#     credentials in its default chain: environment variables (AWS_ACCESS_KEY_ID,
#     AWS_SECRET_ACCESS_KEY), a shared credentials or SSO profile, or a role (assume_role, an
#     instance or CI role through OIDC). Deactivate and rotate any key that was committed.
#   fixable: false
package palisade.aws.credentials.provider_static_keys

import data.palisade.lib.result
import data.palisade.lib.unknown

# written(value): a non-empty string Terraform knows before apply.
written(value) if trim_space(unknown.known_string(value)) != ""

# One finding per provider block, on its first written key (the pair is one credential).
deny contains result.fail(p, [keys[0]], msg) if {
	some p in object.get(input, "providers", [])
	p.name == "aws"
	not unknown.is_true(object.get(p.config, "skip_credentials_validation", false))
	keys := [key | some key in ["access_key", "secret_key"]; written(object.get(p.config, key, null))]
	count(keys) > 0
	msg := sprintf("%s sets %s to a value written in the configuration", [p.address, concat(" and ", keys)])
}
