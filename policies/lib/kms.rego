# METADATA
# title: KMS key helpers
# description: |
#   Recognising the AWS managed keys (alias/aws/<service>) that a resource names for encryption,
#   directly or through a data source that looks one up. Rules that ask for a customer managed
#   key treat them like no key at all.
package palisade.lib.kms

import data.palisade.lib.tf
import data.palisade.lib.unknown

# aws_managed_alias(key): the key is named by an AWS managed alias (`alias/aws/…`), alone or at
# the end of an alias ARN.
aws_managed_alias(key) if regex.match(`(^|:)alias/aws/`, key)

# aws_managed(r, path): the attribute at path names an AWS managed key, by alias or ARN text.
aws_managed(r, path) if aws_managed_alias(unknown.known_string(tf.attr(r, path)))

# aws_managed(r, path): the attribute at path reads a data source (aws_kms_key, aws_kms_alias)
# that looks an AWS managed key up by its alias.
aws_managed(r, path) if aws_managed_by_data_source(r, path)

aws_managed_by_data_source(r, path) if {
	some ref in r.references
	ref.path == path
	some d in array.concat(tf.data_sources("aws_kms_key"), tf.data_sources("aws_kms_alias"))
	d.address == ref.target
	some key in ["key_id", "name"]
	aws_managed_alias(unknown.known_string(object.get(d.config, key, null)))
}
