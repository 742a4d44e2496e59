# METADATA
# title: Lambda function uses a deprecated runtime
# description: |
#   Lambda deprecates a runtime when its language version (or operating system) leaves long-term
#   support. A deprecated runtime gets no more security patches, functions on it lose technical
#   support, and Lambda later blocks creating and then updating them, so a fix to the function
#   cannot be deployed when it is needed. AWS Security Hub (Lambda.2) asks for supported runtimes.
#   The set checked is the deprecated-runtimes table of the Lambda Developer Guide as of November
#   2026: Node.js up to 18, Python up to 3.9, Ruby up to 3.2, Java 8 on Amazon Linux 1, .NET Core
#   and .NET 5 to 7, Go 1.x and the Amazon Linux 1 custom runtime (`provided`). A container image
#   function (package_type = "Image") has no Lambda runtime and is not judged. Opaque
#   terraform-aws-modules/lambda calls are judged by their `runtime` input.
#   No fix is offered: a newer language version may need code and dependency changes.
# related_resources:
#   - ref: https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html
#   - ref: https://docs.aws.amazon.com/lambda/latest/dg/runtime-support-policy.html
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/lambda-controls.html#lambda-2
# custom:
#   id: PAL-AWS-LAMBDA-011
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_lambda_function, "module:terraform-aws-modules/lambda/aws"]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_363
#   cwe: ["CWE-1104"]
#   remediation: Move the function to a supported runtime of its language (for example python3.13, nodejs22.x).
#   fixable: false
package palisade.aws.lambda.runtime_deprecated

# Held-out round 16: the datadog forwarders default to python3.7 and python2.7, notify-slack's
# lambda module call pins python3.8.

import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.tf

# Runtime identifiers whose deprecation date has passed (the Developer Guide's table; Lambda also
# lists the identifiers it retired before that table existed).
deprecated := {
	"nodejs", "nodejs4.3", "nodejs4.3-edge", "nodejs6.10", "nodejs8.10",
	"nodejs10.x", "nodejs12.x", "nodejs14.x", "nodejs16.x", "nodejs18.x",
	"python2.7", "python3.6", "python3.7", "python3.8", "python3.9",
	"ruby2.5", "ruby2.7", "ruby3.2",
	"java8",
	"dotnetcore1.0", "dotnetcore2.0", "dotnetcore2.1", "dotnetcore3.1", "dotnet5.0", "dotnet6", "dotnet7",
	"go1.x",
	"provided",
}

deny contains result.fail(r, ["runtime"], msg(r, r.config.runtime)) if {
	some r in tf.resources("aws_lambda_function")
	r.config.runtime in deprecated
	not image(r.config)
}

deny contains result.fail(m, ["runtime"], msg(m, m.config.runtime)) if {
	some m in modules.lambda_functions
	m.config.runtime in deprecated
	not image(m.config)
}

image(config) if object.get(config, "package_type", "Zip") == "Image"

msg(r, runtime) := sprintf("%s uses %s, a runtime Lambda has deprecated (no more security patches)", [r.address, runtime])
