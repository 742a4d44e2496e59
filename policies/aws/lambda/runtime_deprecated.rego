# METADATA
# title: Lambda function uses a deprecated runtime
# description: |
#   Lambda deprecates a runtime when its language version or operating system stops receiving
#   security updates; from then on the runtime gets no patches, functions on it lose technical
#   support, and AWS later blocks creating and then updating them. A function on such a runtime
#   runs code on an unpatched language stack. AWS's control for Lambda (Security Hub Lambda.2)
#   asks for supported runtimes. The list holds the deprecations we confirmed against AWS's
#   schedule, the latest nodejs20.x (30 April 2026); the Amazon Linux 2 runtimes AWS schedules
#   for 2026 (python3.10, python3.11, java8.al2, java11, java17, provided.al2) join it once
#   confirmed. The rule never reads the clock, so a scan answers the same on any day.
#   Container-image functions (no runtime) are not judged. Opaque terraform-aws-modules/lambda
#   calls pass their runtime input to the function they create.
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
#   remediation: Move the function to a supported runtime of its language (e.g. nodejs22.x, python3.13) after testing the code on it.
#   fixable: false
package palisade.aws.lambda.runtime_deprecated

import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

# Runtime identifier → the date AWS deprecated it (AWS Lambda runtime deprecation schedule).
deprecated := {
	"nodejs20.x": "2026-04-30",
	"python3.9": "2025-12-15",
	"nodejs18.x": "2025-09-01",
	"python3.8": "2024-10-14",
	"dotnet6": "2024-11-12",
	"nodejs16.x": "2024-06-12",
	"dotnet7": "2024-05-14",
	"java8": "2024-01-08",
	"go1.x": "2024-01-08",
	"provided": "2024-01-08",
	"nodejs14.x": "2023-12-04",
	"python3.7": "2023-12-04",
	"ruby2.7": "2023-11-27",
	"dotnetcore3.1": "2023-04-03",
	"nodejs12.x": "2023-03-31",
	"python3.6": "2022-07-18",
	"dotnet5.0": "2022-05-10",
	"dotnetcore2.1": "2022-01-05",
	"nodejs10.x": "2021-07-30",
	"ruby2.5": "2021-07-30",
	"python2.7": "2021-07-15",
	"nodejs8.10": "2020-03-06",
	"nodejs4.3": "2020-03-05",
	"nodejs4.3-edge": "2020-03-05",
	"nodejs6.10": "2019-08-12",
	"dotnetcore1.0": "2019-07-27",
	"dotnetcore2.0": "2019-05-30",
	"nodejs": "2016-10-31",
}

# No fix: moving to a newer language version is a code change the author has to test.
deny contains result.fail(r, ["runtime"], msg) if {
	some r in tf.resources("aws_lambda_function")
	runtime := unknown.known_string(object.get(r.config, "runtime", null))
	since := deprecated[runtime]
	msg := sprintf("%s uses the runtime %s, which AWS deprecated on %s", [r.address, runtime, since])
}

deny contains result.fail(m, ["runtime"], msg) if {
	some m in modules.lambda_functions
	runtime := unknown.known_string(object.get(m.config, "runtime", null))
	since := deprecated[runtime]
	msg := sprintf("%s creates a function on the runtime %s, which AWS deprecated on %s", [m.address, runtime, since])
}
