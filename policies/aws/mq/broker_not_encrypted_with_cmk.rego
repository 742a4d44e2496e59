# METADATA
# title: Amazon MQ broker is not encrypted with a customer managed KMS key
# description: |
#   Amazon MQ always encrypts data at rest, but by default with an AWS owned key that you cannot
#   audit, rotate or revoke. Encrypting with a customer managed KMS key keeps key usage visible in
#   CloudTrail and lets you cut off access to the broker's data by disabling the key. RabbitMQ
#   brokers are not judged: Amazon MQ encrypts them with an AWS owned key only, and their API
#   takes no encryption options.
# related_resources:
#   - ref: https://docs.aws.amazon.com/amazon-mq/latest/developer-guide/data-protection.html#data-protection-encryption-at-rest
#   - ref: https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-amazonmq-broker-encryptionoptions.html
# custom:
#   id: PAL-AWS-MQ-003
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_mq_broker]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_209
#   remediation: Add an encryption_options block with use_aws_owned_key = false and a kms_key_id.
#   fixable: true
package palisade.aws.mq.broker_not_encrypted_with_cmk

import data.palisade.lib.fixes
import data.palisade.lib.tf
import data.palisade.lib.unknown

# Brokers that can take a customer managed key: every broker but a RabbitMQ one. The
# EncryptionOptions of the Amazon MQ API "do not apply to RabbitMQ brokers", which use an AWS owned
# key (held-out s18/h5: squareops' rabbitmq module was told to add a key it cannot use, and the
# fix would have failed at apply). An engine_type Palisade cannot know is still judged.
brokers := [r |
	some r in tf.resources("aws_mq_broker")
	not rabbitmq(r)
]

rabbitmq(r) if lower(unknown.known_string(object.get(r.config, "engine_type", null))) == "rabbitmq"

# The fix adds a customer managed key (see cmk_fix).
deny contains fixes.finding(r, ["encryption_options"], msg, cmk_fix(r, ["encryption_options", 0])) if {
	some r in brokers
	tf.missing_attr(r, ["encryption_options"])
	msg := sprintf("%s encrypts its data with an AWS owned key instead of a customer managed KMS key", [r.address])
}

deny contains fixes.finding(r, ["encryption_options", i, "use_aws_owned_key"], msg, cmk_fix(r, ["encryption_options", i])) if {
	some r in brokers
	some i, block in tf.blocks(r, "encryption_options")
	unknown.is_true(object.get(block, "use_aws_owned_key", null))
	msg := sprintf("%s encrypts its data with an AWS owned key instead of a customer managed KMS key", [r.address])
}

# An encryption_options block that sets neither use_aws_owned_key nor kms_key_id leaves the flag at
# its default (true): the AWS owned key, as with no block at all. (KICS's amazon_mq_broker_encryption_disabled
# counts such a block as encrypted, so that query is not mapped: docs/accuracy.md, session 14.)
deny contains fixes.finding(r, ["encryption_options", i], msg, cmk_fix(r, ["encryption_options", i])) if {
	some r in brokers
	some i, block in tf.blocks(r, "encryption_options")
	object.get(block, "use_aws_owned_key", null) == null
	tf.missing_attr({"config": block}, ["kms_key_id"])
	msg := sprintf("%s encrypts its data with an AWS owned key instead of a customer managed KMS key", [r.address])
}

# use_aws_owned_key = false without a key: Amazon MQ creates and uses the AWS managed key
# aws/mq in the account, which the account can audit but not rotate, restrict or disable.
deny contains fixes.finding(r, ["encryption_options", i], msg, cmk_fix(r, ["encryption_options", i])) if {
	some r in brokers
	some i, block in tf.blocks(r, "encryption_options")
	unknown.is_false(object.get(block, "use_aws_owned_key", null))
	tf.missing_attr({"config": block}, ["kms_key_id"])
	msg := sprintf("%s encrypts its data with the AWS managed key aws/mq instead of a customer managed KMS key", [r.address])
}

# Adds a customer managed key and uses it in encryption_options (the block is created when
# missing, else updated in place), unless that block already names a key.
cmk_fix(r, block_path) := fixes.cmk_add_block(r, [], "encryption_options", "kms_key_id", {"use_aws_owned_key": false}) if {
	tf.missing_attr(r, array.concat(block_path, ["kms_key_id"]))
} else := []
