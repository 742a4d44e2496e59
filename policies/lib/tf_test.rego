package palisade.lib.tf_test

import data.palisade.lib.tf

u := {"$unknown": "var.x"}

bucket := {"address": "aws_s3_bucket.logs", "type": "aws_s3_bucket", "name": "logs", "config": {"bucket": "l"}, "references": []}

versioning := {
	"address": "aws_s3_bucket_versioning.logs", "type": "aws_s3_bucket_versioning", "name": "logs",
	"config": {"bucket": {"$unknown": "aws_s3_bucket.logs.id"}, "versioning_configuration": [{"status": "Enabled"}]},
	"references": [{"path": ["bucket"], "target": "aws_s3_bucket.logs", "attribute": "id"}],
}

test_resources_by_type if {
	tf.resources("aws_s3_bucket") == [bucket] with input as {"resources": [bucket, versioning]}
}

test_attr_nested_and_absent if {
	tf.attr(versioning, ["versioning_configuration", 0, "status"]) == "Enabled"
	tf.attr(versioning, ["nope", 0]) == null
}

test_attr_under_unknown_parent_is_unknown if {
	r := {"address": "a.b", "config": {"block": u}}
	tf.attr(r, ["block", 0, "x"]) == u
	tf.has_attr(r, ["block", 0, "x"])
}

test_missing_attr if {
	tf.missing_attr(bucket, ["acl"])
	not tf.missing_attr(bucket, ["bucket"])
}

# An empty string is never sent by the provider: it is as good as unset.
test_empty_string_is_missing if {
	tf.missing_attr({"config": {"kms_key_id": ""}}, ["kms_key_id"])
	not tf.has_attr({"config": {"kms_key_id": ""}}, ["kms_key_id"])
	not tf.missing_attr({"config": {"kms_key_id": u}}, ["kms_key_id"])
	not tf.missing_attr({"config": {"enabled": false}}, ["enabled"])
}

test_blocks_of_unknown_is_empty if {
	tf.blocks({"config": {"ingress": u}}, "ingress") == []
	tf.blocks({"config": {}}, "ingress") == []
	tf.blocks({"config": {"ingress": [{"a": 1}]}}, "ingress") == [{"a": 1}]
}

test_referencing if {
	tf.referencing("aws_s3_bucket.logs", "aws_s3_bucket_versioning", ["bucket"]) == {versioning} with input as {"resources": [bucket, versioning]}
	count(tf.referencing("aws_s3_bucket.other", "aws_s3_bucket_versioning", ["bucket"])) == 0 with input as {"resources": [bucket, versioning]}
}

test_refers_to_instances if {
	tf.refers_to("aws_s3_bucket.logs", "aws_s3_bucket.logs[0]")
	tf.refers_to("aws_s3_bucket.logs[0]", "aws_s3_bucket.logs")
	not tf.refers_to("aws_s3_bucket.logs[0]", "aws_s3_bucket.logs[1]")
	not tf.refers_to("aws_s3_bucket.log", "aws_s3_bucket.logs")
}

test_unresolved if {
	opaque := {"address": "aws_s3_bucket_versioning.v", "type": "aws_s3_bucket_versioning", "config": {"bucket": {"$unknown": "var.id"}}, "references": []}
	tf.unresolved("aws_s3_bucket_versioning", ["bucket"], "aws_s3_bucket") with input as {"resources": [opaque]}
	not tf.unresolved("aws_s3_bucket_versioning", ["bucket"], "aws_s3_bucket") with input as {"resources": [versioning]}
}

# A reference names a resource type in this module or a child's, never a type that merely ends alike.
test_names_type if {
	tf.names_type("aws_s3_bucket.logs.id", "aws_s3_bucket")
	tf.names_type("module.store.aws_s3_bucket.this[0].arn", "aws_s3_bucket")
	not tf.names_type("aws_s3_bucket_policy.logs.id", "aws_s3_bucket")
	not tf.names_type("data.aws_s3_bucket.logs.id", "aws_s3_bucket_policy")
	not tf.names_type("var.aws_s3_bucket", "aws_s3_bucket")
}

# Modules pass unused optional arguments through as null, older ones as "": both are unset.
test_unset_null_empty_absent if {
	r := {"address": "a.b", "config": {"n": null, "e": "", "s": "x", "u": u}}
	tf.unset(r, ["n"])
	tf.unset(r, ["e"])
	tf.unset(r, ["absent"])
	not tf.unset(r, ["s"])
	not tf.unset(r, ["u"])
}

test_scope if {
	tf.scope("aws_s3_bucket.x") == ""
	tf.scope("module.logs") == ""
	tf.scope("module.logs[0]") == ""
	tf.scope("module.app.aws_s3_bucket.x") == "module.app."
	tf.scope("module.app.module.logs[0]") == "module.app."
	tf.scope(`module.app["a"].module.logs.aws_s3_bucket.this[0]`) == `module.app["a"].module.logs.`
}

test_names_compares_texts_within_the_holders_module if {
	tf.names("module.app.module.data[0]", "module.logs[0].s3_bucket_id", "module.app.module.logs[0]")
	tf.names("module.data", "module.logs.s3_bucket_id", "module.logs")
	tf.names("module.app.aws_flow_log.x", "aws_s3_bucket.logs.arn", "module.app.aws_s3_bucket.logs")
	not tf.names("module.data", "module.logs[0].s3_bucket_id", "module.app.module.logs[0]")
	not tf.names("module.app.module.data", "module.logs.s3_bucket_id", "module.other.module.logs")
	not tf.names("module.data", "module.logs_archive.s3_bucket_id", "module.logs")
}

pinned(constraints) := {"required_providers": {"aws": constraints}}

test_provider_below_upper_bounds if {
	tf.provider_below("aws", 4) with input as pinned([">= 3.72, < 4.0.0"])
	tf.provider_below("aws", 4) with input as pinned(["< 4"])
	tf.provider_below("aws", 4) with input as pinned(["~> 3.0"])
	tf.provider_below("aws", 4) with input as pinned(["= 3.75.2"])
	tf.provider_below("aws", 4) with input as pinned(["3.75.2"])
	tf.provider_below("aws", 4) with input as pinned(["<= 3.76"])

	# One module's cap is enough: Terraform installs one version for all of them.
	tf.provider_below("aws", 4) with input as pinned([">= 2.7.0", "~> 3.50"])
}

test_provider_below_open_or_higher if {
	not tf.provider_below("aws", 4) with input as pinned([">= 3.72"])
	not tf.provider_below("aws", 4) with input as pinned(["< 4.1"])
	not tf.provider_below("aws", 4) with input as pinned(["~> 4.0"])
	not tf.provider_below("aws", 4) with input as pinned([">= 4.0, < 6.0"])
	not tf.provider_below("aws", 4) with input as {}
	not tf.provider_below("aws", 4) with input as {"required_providers": {"google": ["< 4"]}}
}

test_provider_below_version_caps if {
	tf.provider_below_version("aws", 5, 45) with input as pinned(["~> 4.0"])
	tf.provider_below_version("aws", 5, 45) with input as pinned(["< 5.45"])
	tf.provider_below_version("aws", 5, 45) with input as pinned(["< 5.45.0"])
	tf.provider_below_version("aws", 5, 45) with input as pinned(["< 5.30"])
	tf.provider_below_version("aws", 5, 45) with input as pinned(["= 5.44.1"])
	tf.provider_below_version("aws", 5, 45) with input as pinned(["5.30.0"])
	tf.provider_below_version("aws", 5, 45) with input as pinned(["<= 5.44"])
	tf.provider_below_version("aws", 5, 45) with input as pinned(["~> 5.30.0"])
}

test_provider_below_version_open if {
	not tf.provider_below_version("aws", 5, 45) with input as pinned(["~> 5.30"])
	not tf.provider_below_version("aws", 5, 45) with input as pinned(["~> 5.45.0"])
	not tf.provider_below_version("aws", 5, 45) with input as pinned(["< 5.45.1"])
	not tf.provider_below_version("aws", 5, 45) with input as pinned(["= 5.45.0"])
	not tf.provider_below_version("aws", 5, 45) with input as pinned([">= 5.0"])
	not tf.provider_below_version("aws", 5, 45) with input as pinned(["~> 6.0"])
	not tf.provider_below_version("aws", 5, 45) with input as {}
}

test_provider_from if {
	every c in [">= 6.8", "~> 6.10", ">= 5.0, >= 6.8.0", "6.20.1", "> 6.9", "= 7.0"] {
		tf.provider_from("aws", [6, 8, 0]) with input as {"required_providers": {"aws": [c]}}
	}
	every c in [">= 5.0", "~> 6.7", "> 6.7.9", "6.7.0", "< 7.0"] {
		not tf.provider_from("aws", [6, 8, 0]) with input as {"required_providers": {"aws": [c]}}
	}

	# Any constraint of the unit bounds the installed version; another provider's does not.
	tf.provider_from("aws", [6, 8, 0]) with input as {"required_providers": {"aws": [">= 5.0", "~> 6.8"]}}
	not tf.provider_from("aws", [6, 8, 0]) with input as {"required_providers": {"random": [">= 6.8"]}}
}
