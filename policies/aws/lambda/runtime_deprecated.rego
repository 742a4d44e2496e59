# METADATA
# title: Lambda function uses a deprecated runtime
# description: |
#   Lambda deprecates a runtime when its language version or operating system stops receiving
#   security updates; from then on the runtime gets no patches, functions on it lose technical
#   support, and AWS later blocks creating and then updating them. A function on such a runtime
#   runs code on an unpatched language stack. AWS's control for Lambda (Security Hub Lambda.2)
#   asks for supported runtimes. The list holds the deprecations we confirmed against AWS's
#   schedule, the latest dotnet8 (10 November 2026, the end of Microsoft's support for .NET 8)
#   and nodejs20.x (30 April 2026); the Amazon Linux 2 runtimes AWS schedules
#   for 2026 (python3.10, python3.11, java8.al2, java11, java17, provided.al2) join it once
#   confirmed. The rule never reads the clock, so a scan answers the same on any day.
#   Container-image functions (no runtime) are not judged. Opaque terraform-aws-modules/lambda
#   calls pass their runtime input to the function they create.
# related_resources:
#   - ref: https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html
#   - ref: https://docs.aws.amazon.com/lambda/latest/dg/runtime-support-policy.html
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/lambda-controls.html#lambda-2
# custom:
#   id: PAL-AWS-LAMBDA-006
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_lambda_function, "module:terraform-aws-modules/lambda/aws"]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_363
#   cwe: ["CWE-1104"]
#   remediation: Move the function to a supported runtime of its language (e.g. nodejs22.x, python3.13) after testing the code on it.
#   fixable: false
package palisade.aws.lambda.runtime_deprecated

import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

# Runtime identifiers AWS has deprecated (AWS Lambda's deprecated-runtimes table). The message
# gives no date: AWS moved several of them before they took effect.
deprecated := {
	"dotnet8",
	"nodejs20.x",
	"python3.9",
	"nodejs18.x",
	"python3.8",
	"dotnet6",
	"nodejs16.x",
	"dotnet7",
	"java8",
	"go1.x",
	"provided",
	"nodejs14.x",
	"python3.7",
	"ruby3.2",
	"ruby2.7",
	"dotnetcore3.1",
	"nodejs12.x",
	"python3.6",
	"dotnet5.0",
	"dotnetcore2.1",
	"nodejs10.x",
	"ruby2.5",
	"python2.7",
	"nodejs8.10",
	"nodejs4.3",
	"nodejs4.3-edge",
	"nodejs6.10",
	"dotnetcore1.0",
	"dotnetcore2.0",
	"nodejs",
}

# No fix: moving to a newer language version is a code change the author has to test.
deny contains result.fail(r, ["runtime"], msg) if {
	some r in tf.resources("aws_lambda_function")
	runtime := unknown.known_string(object.get(r.config, "runtime", null))
	deprecated[runtime]
	not container_image(r.config)
	msg := sprintf("%s uses the runtime %s, which AWS has deprecated: it gets no more security patches", [r.address, runtime])
}

deny contains result.fail(m, ["runtime"], msg) if {
	some m in modules.lambda_functions
	runtime := unknown.known_string(object.get(m.config, "runtime", null))
	deprecated[runtime]
	not container_image(m.config)
	msg := sprintf("%s creates a function on the runtime %s, which AWS has deprecated: it gets no more security patches", [m.address, runtime])
}

# A container-image function takes its runtime from the image; a stray runtime argument is not it.
container_image(config) if object.get(config, "package_type", "Zip") == "Image"
