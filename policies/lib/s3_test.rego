package palisade.lib.s3_test

import data.palisade.lib.s3

bucket := {"address": "aws_s3_bucket.logs", "type": "aws_s3_bucket", "name": "logs", "config": {"bucket": "corp-logs"}, "references": []}

by_ref := {
	"address": "aws_s3_bucket_versioning.a", "type": "aws_s3_bucket_versioning", "name": "a",
	"config": {"bucket": {"$unknown": "aws_s3_bucket.logs.id"}},
	"references": [{"path": ["bucket"], "target": "aws_s3_bucket.logs", "attribute": "id"}],
}

by_name := {"address": "aws_s3_bucket_versioning.b", "type": "aws_s3_bucket_versioning", "name": "b", "config": {"bucket": "corp-logs"}, "references": []}

other := {"address": "aws_s3_bucket_versioning.c", "type": "aws_s3_bucket_versioning", "name": "c", "config": {"bucket": "else"}, "references": []}

test_companions_by_reference_and_name if {
	s3.companions(bucket, "aws_s3_bucket_versioning") == {by_ref, by_name} with input as {"resources": [bucket, by_ref, by_name, other]}
}

test_has_companion_when_unresolved if {
	opaque := {"address": "aws_s3_bucket_versioning.d", "type": "aws_s3_bucket_versioning", "config": {"bucket": {"$unknown": "var.b"}}, "references": []}
	s3.has_companion(bucket, "aws_s3_bucket_versioning") with input as {"resources": [bucket, opaque]}
	not s3.has_companion(bucket, "aws_s3_bucket_versioning") with input as {"resources": [bucket, other]}
}

# Bucket and companion both name the bucket by one variable: the companion is that bucket's, and
# it no longer hides a missing companion on the module's other buckets.
test_companion_by_same_name_expression if {
	named := {"address": "aws_s3_bucket.named", "type": "aws_s3_bucket", "name": "named", "config": {"bucket": {"$unknown": "var.bucket_name"}}, "references": []}
	v := {"address": "aws_s3_bucket_versioning.v", "type": "aws_s3_bucket_versioning", "config": {"bucket": {"$unknown": "var.bucket_name"}}, "references": []}
	resources := {"resources": [bucket, named, v]}
	s3.companions(named, "aws_s3_bucket_versioning") == {v} with input as resources
	s3.has_companion(named, "aws_s3_bucket_versioning") with input as resources
	not s3.has_companion(bucket, "aws_s3_bucket_versioning") with input as resources
}

# each.value (or a module's var of the same name) is not the same value, so it stays unresolved.
test_companion_expression_needs_same_variable_and_module if {
	named := {"address": "aws_s3_bucket.named", "type": "aws_s3_bucket", "name": "named", "config": {"bucket": {"$unknown": "each.value"}}, "references": []}
	v := {"address": "aws_s3_bucket_versioning.v", "type": "aws_s3_bucket_versioning", "config": {"bucket": {"$unknown": "each.value"}}, "references": []}
	s3.has_companion(bucket, "aws_s3_bucket_versioning") with input as {"resources": [bucket, named, v]}
	in_module := {"address": "module.m.aws_s3_bucket.named", "type": "aws_s3_bucket", "name": "named", "config": {"bucket": {"$unknown": "var.bucket_name"}}, "references": []}
	root_v := {"address": "aws_s3_bucket_versioning.v", "type": "aws_s3_bucket_versioning", "config": {"bucket": {"$unknown": "var.bucket_name"}}, "references": []}
	s3.companions(in_module, "aws_s3_bucket_versioning") == set() with input as {"resources": [bucket, in_module, root_v]}
	s3.has_companion(bucket, "aws_s3_bucket_versioning") with input as {"resources": [bucket, in_module, root_v]}
}

# A template of variables and literal text has one value too (round 13): "${var.env}-data" ties a
# companion to its bucket; one reading each.value or a resource attribute does not.
test_companion_by_same_name_template if {
	data_bucket := {"address": "aws_s3_bucket.data", "type": "aws_s3_bucket", "name": "data", "config": {"bucket": {"$unknown": `"${var.env}-data"`}}, "references": []}
	other_bucket := {"address": "aws_s3_bucket.other", "type": "aws_s3_bucket", "name": "other", "config": {"bucket": {"$unknown": `"${var.env}-other"`}}, "references": []}
	v := {"address": "aws_s3_bucket_versioning.v", "type": "aws_s3_bucket_versioning", "config": {"bucket": {"$unknown": `"${var.env}-data"`}}, "references": []}
	resources := {"resources": [data_bucket, other_bucket, v]}
	s3.companions(data_bucket, "aws_s3_bucket_versioning") == {v} with input as resources
	not s3.has_companion(other_bucket, "aws_s3_bucket_versioning") with input as resources
	per_key := {"address": "aws_s3_bucket_versioning.k", "type": "aws_s3_bucket_versioning", "config": {"bucket": {"$unknown": `"${var.env}-${each.key}"`}}, "references": []}
	s3.has_companion(other_bucket, "aws_s3_bucket_versioning") with input as {"resources": [data_bucket, other_bucket, per_key]}
}

test_bucket_policies if {
	doc := {"Statement": []}
	pol := {"address": "aws_s3_bucket_policy.p", "type": "aws_s3_bucket_policy", "config": {"bucket": "corp-logs", "policy": doc}, "references": []}
	ps := s3.bucket_policies(bucket) with input as {"resources": [bucket, pol]}
	ps == {{"resource": pol, "path": ["policy"], "doc": doc}}
}

test_public_access_switch_off_resources_and_modules if {
	pab := {"address": "aws_s3_bucket_public_access_block.p", "type": "aws_s3_bucket_public_access_block", "config": {"block_public_acls": true}}
	not s3.public_access_switch_off(pab, "block_public_acls")
	s3.public_access_switch_off(pab, "ignore_public_acls")
	call := {"address": "module.b", "source": "terraform-aws-modules/s3-bucket/aws", "config": {"ignore_public_acls": false}}
	s3.public_access_switch_off(call, "ignore_public_acls")
	not s3.public_access_switch_off(call, "block_public_acls")
}

test_public_access_block_holders_include_opaque_modules if {
	holders := s3.public_access_block_holders with input as {"resources": [], "modules": [{"address": "module.b", "source": "terraform-aws-modules/s3-bucket/aws", "config": {}}]}
	[h.address | some h in holders] == ["module.b"]
}

test_bucket_of_and_public_acls_ignored if {
	acl := {"address": "aws_s3_bucket_acl.logs", "type": "aws_s3_bucket_acl", "name": "logs", "config": {"bucket": "corp-logs", "acl": "public-read"}, "references": []}
	pab := {"address": "aws_s3_bucket_public_access_block.logs", "type": "aws_s3_bucket_public_access_block", "name": "logs", "config": {"bucket": "corp-logs", "ignore_public_acls": true}, "references": []}
	s3.bucket_of(acl) == bucket with input as {"resources": [bucket, acl, pab]}
	s3.public_acls_ignored(bucket) with input as {"resources": [bucket, acl, pab]}
	not s3.public_acls_ignored(bucket) with input as {"resources": [bucket, acl]}
}

test_module_versioning_reads_enabled_then_status if {
	s3.module_versioning({"enabled": true}) == ["Enabled", "enabled"]
	s3.module_versioning({"enabled": false, "status": true}) == ["Suspended", "enabled"]
	s3.module_versioning({"status": true, "mfa_delete": false}) == ["Enabled", "status"]
	s3.module_versioning({"status": "false"}) == ["Suspended", "status"]
	s3.module_versioning({"status": "Suspended"}) == ["Suspended", "status"]
	s3.module_versioning({"status": "enabled"}) == ["Enabled", "status"]
	not s3.module_versioning({"mfa_delete": false})
	not s3.module_versioning({})
	not s3.module_versioning({"enabled": {"$unknown": "var.v"}})
	not s3.module_versioning({"status": {"$unknown": "var.v"}})
}

test_module_mfa_delete_on if {
	s3.module_mfa_delete_on({"mfa_delete": true})
	s3.module_mfa_delete_on({"mfa_delete": "Enabled"})
	not s3.module_mfa_delete_on({"mfa_delete": false})
	not s3.module_mfa_delete_on({"mfa_delete": "Disabled"})
	not s3.module_mfa_delete_on({})
}

# ---- Block Public Access: public_policy_held_back, restricts_public_policies (session 24) ----

site := {"address": "aws_s3_bucket.site", "type": "aws_s3_bucket", "name": "site", "config": {"bucket": "site"}, "references": []}

open_read := {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject"}

site_block(settings) := {"address": "aws_s3_bucket_public_access_block.site", "type": "aws_s3_bucket_public_access_block", "name": "site", "config": object.union({"bucket": "site"}, settings), "references": []}

account_block(settings) := {"address": "aws_s3_account_public_access_block.a", "type": "aws_s3_account_public_access_block", "name": "a", "config": settings, "references": []}

site_policy := {"address": "aws_s3_bucket_policy.site", "type": "aws_s3_bucket_policy", "name": "site", "config": {"bucket": "site", "policy": {"Statement": [open_read]}}, "references": []}

# No block in the configuration: S3's April 2023 default is not read (the bucket may be older).
test_no_block_holds_nothing_back if {
	not s3.public_policy_held_back(site, [open_read]) with input as {"resources": [site]}
	not s3.public_policy_held_back(site_policy, [open_read]) with input as {"resources": [site, site_policy]}
}

test_block_public_policy_alone_holds_nothing_back if {
	not s3.public_policy_held_back(site, [open_read]) with input as {"resources": [site, site_block({"block_public_policy": true})]}
	not s3.public_policy_held_back(site, [open_read]) with input as {"resources": [site, account_block({"block_public_policy": true})]}
}

test_restrict_public_buckets_alone_holds_back if {
	s3.public_policy_held_back(site, [open_read]) with input as {"resources": [site, site_block({"restrict_public_buckets": true})]}
	s3.public_policy_held_back(site_policy, [open_read]) with input as {"resources": [site, site_policy, site_block({"restrict_public_buckets": true})]}
	s3.public_policy_held_back(site_policy, [open_read]) with input as {"resources": [site_policy, account_block({"restrict_public_buckets": true})]}
	not s3.public_policy_held_back(site, [open_read]) with input as {"resources": [site, account_block({"restrict_public_buckets": false})]}
}

# A statement S3 does not call public passes every block.
test_statement_s3_does_not_call_public_is_not_held_back if {
	ip := object.union(open_read, {"Condition": {"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}}})
	not s3.public_policy_held_back(site, [ip]) with input as {"resources": [site, site_block({"restrict_public_buckets": true})]}
	not s3.public_policy_held_back(site, [{"Effect": "Allow", "NotPrincipal": {"AWS": "arn:aws:iam::111122223333:root"}}]) with input as {"resources": [site, site_block({"restrict_public_buckets": true})]}
}

test_unknowns_may_restrict if {
	s3.restricts_public_policies(site) with input as {"resources": [site, site_block({"restrict_public_buckets": {"$unknown": "var.r"}})]}
	s3.restricts_public_policies(site) with input as {"resources": [site, account_block({"restrict_public_buckets": {"$unknown": "var.r"}})]}
	unresolved := object.union(site_block({"restrict_public_buckets": true}), {"config": {"bucket": {"$unknown": "var.name"}}})
	s3.restricts_public_policies(site) with input as {"resources": [site, unresolved]}
}

test_module_call_defaults_by_major if {
	call := {"address": "module.b", "source": "terraform-aws-modules/s3-bucket/aws", "config": {}}
	s3.restricts_public_policies(call) with input as {"resources": []}
	not s3.restricts_public_policies(object.union(call, {"version": "~> 3.0"})) with input as {"resources": []}
	not s3.restricts_public_policies(object.union(call, {"config": {"attach_public_policy": false}})) with input as {"resources": []}
	s3.restricts_public_policies(object.union(call, {"version": "3.15.0", "config": {"restrict_public_buckets": true}})) with input as {"resources": []}
}

access_point(settings) := {"address": "aws_s3_access_point.ap", "type": "aws_s3_access_point", "name": "ap", "config": {"bucket": "site", "public_access_block_configuration": [settings]}, "references": []}

# An access point's own settings are fixed at creation: its BlockPublicPolicy holds a public policy
# back; the bucket's BlockPublicPolicy does not, its RestrictPublicBuckets does.
test_access_point_settings if {
	off := {"block_public_policy": false, "restrict_public_buckets": false}
	not s3.public_policy_held_back(access_point(off), [open_read]) with input as {"resources": [site, access_point(off)]}
	s3.public_policy_held_back(access_point({"restrict_public_buckets": false}), [open_read]) with input as {"resources": [site]}
	s3.public_policy_held_back(access_point({"block_public_policy": false}), [open_read]) with input as {"resources": [site]}
	not s3.public_policy_held_back(access_point(off), [open_read]) with input as {"resources": [site, access_point(off), site_block({"block_public_policy": true})]}
	s3.public_policy_held_back(access_point(off), [open_read]) with input as {"resources": [site, access_point(off), site_block({"restrict_public_buckets": true})]}
}

test_public_policy_applied if {
	s3.public_policy_applied(site_block({})) with input as {"resources": [site, site_policy, site_block({})]}
	s3.public_policy_applied(account_block({})) with input as {"resources": [site_policy, account_block({})]}
	not s3.public_policy_applied(site_block({})) with input as {"resources": [site, site_block({})]}
	scoped := object.union(site_policy, {"config": {"policy": {"Statement": [object.union(open_read, {"Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-1"}}})]}}})
	not s3.public_policy_applied(site_block({})) with input as {"resources": [site, scoped, site_block({})]}
}

# BlockPublicPolicy on the account, or on the bucket for its same-account access points, also
# rejects a public access point policy when it is put.
test_public_access_point_policy_applied if {
	open := {"block_public_policy": false, "restrict_public_buckets": false}
	ap := object.union(access_point(open), {"config": {"policy": {"Statement": [open_read]}}})
	s3.public_policy_applied(account_block({})) with input as {"resources": [ap, account_block({})]}
	s3.public_policy_applied(site_block({})) with input as {"resources": [site, ap, site_block({})]}
	ap_policy := {"address": "aws_s3control_access_point_policy.p", "type": "aws_s3control_access_point_policy", "name": "p", "config": {"policy": {"Statement": [open_read]}}, "references": [{"path": ["access_point_arn"], "target": "aws_s3_access_point.ap"}]}
	s3.public_policy_applied(account_block({})) with input as {"resources": [access_point(open), ap_policy, account_block({})]}
}
