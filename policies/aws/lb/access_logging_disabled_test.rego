package palisade.aws.lb.access_logging_disabled_test

import data.palisade.aws.lb.access_logging_disabled as rule

test_fires_when_missing if {
	rule.deny == {{"msg": "aws_elb.web does not write access logs", "resource": "aws_elb.web", "path": ["access_logs"]}} with input as {"resources": [{"address": "aws_elb.web", "type": "aws_elb", "name": "web", "config": {"name": "web"}, "references": []}]}
}

test_fires_when_disabled if {
	rule.deny == {{"msg": "aws_lb.web does not write access logs", "resource": "aws_lb.web", "path": ["access_logs", 0, "enabled"]}} with input as {"resources": [{"address": "aws_lb.web", "type": "aws_lb", "name": "web", "config": {"access_logs": [{"bucket": "logs", "enabled": false}]}, "references": []}]}
}

test_passes_with_logs if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_elb.web", "type": "aws_elb", "name": "web", "config": {"access_logs": [{"bucket": "logs"}]}, "references": []}]}
}

test_skips_network_lb if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_lb.web", "type": "aws_lb", "name": "web", "config": {"load_balancer_type": "network"}, "references": []}]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_elb.web", "type": "aws_elb", "name": "web", "config": {"access_logs": [{"bucket": "logs", "enabled": {"$unknown": "var.x"}}]}, "references": []}]}
}

test_fires_on_registry_module_without_logs if {
	rule.deny == {{"msg": "module.elb does not write access logs", "resource": "module.elb", "path": ["access_logs"]}} with input as {"resources": [], "modules": [{"address": "module.elb", "name": "elb", "source": "terraform-aws-modules/elb/aws", "config": {"name": "web"}}]}
}

test_fires_on_registry_module_disabled if {
	rule.deny == {{"msg": "module.elb does not write access logs", "resource": "module.elb", "path": ["access_logs", "enabled"]}} with input as {"resources": [], "modules": [{"address": "module.elb", "name": "elb", "source": "terraform-aws-modules/elb/aws", "config": {"access_logs": {"bucket": "b", "enabled": false}}}]}
}

test_fires_on_application_lb_block_without_enabled if {
	rule.deny == {{"msg": "aws_alb.web names an access log bucket but does not set enabled = true", "resource": "aws_alb.web", "path": ["access_logs", 0]}} with input as {"resources": [{"address": "aws_alb.web", "type": "aws_alb", "name": "web", "config": {"access_logs": [{"bucket": "logs"}]}, "references": []}]}
}

test_passes_application_lb_with_enabled if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_lb.web", "type": "aws_lb", "name": "web", "config": {"load_balancer_type": "application", "access_logs": [{"bucket": "logs", "enabled": true}]}, "references": []}]}
}

test_network_lb_block_without_enabled_is_not_reported if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_lb.web", "type": "aws_lb", "name": "web", "config": {"load_balancer_type": "network", "access_logs": [{"bucket": "logs"}]}, "references": []}]}
}

nlb(config) := object.union({"address": "aws_lb.net", "type": "aws_lb", "name": "net", "references": []}, {"config": object.union({"load_balancer_type": "network"}, config)})

listener(protocol) := {"address": "aws_lb_listener.l", "type": "aws_lb_listener", "name": "l", "config": {"protocol": protocol, "load_balancer_arn": {"$unknown": "aws_lb.net.arn"}}, "references": [{"path": ["load_balancer_arn"], "target": "aws_lb.net"}]}

test_fires_on_network_lb_with_tls_listener if {
	rule.deny == {{"msg": "aws_lb.net does not write access logs", "resource": "aws_lb.net", "path": ["access_logs"]}} with input as {"resources": [nlb({}), listener("TLS")]}
	rule.deny == {{"msg": "aws_lb.net names an access log bucket but does not set enabled = true", "resource": "aws_lb.net", "path": ["access_logs", 0]}} with input as {"resources": [nlb({"access_logs": [{"bucket": "logs"}]}), listener("TLS")]}
}

test_network_lb_without_tls_listener_or_with_logs_passes if {
	count(rule.deny) == 0 with input as {"resources": [nlb({}), listener("TCP")]}
	count(rule.deny) == 0 with input as {"resources": [nlb({"access_logs": [{"bucket": "logs", "enabled": true}]}), listener("TLS")]}
}

alb(config) := {"address": "module.alb", "source": "terraform-aws-modules/alb/aws", "config": config}

test_opaque_alb_without_access_logs_fires if {
	rule.deny == {{"msg": "module.alb does not write access logs", "resource": "module.alb", "path": ["access_logs"]}} with input as {"resources": [], "modules": [alb({"name": "web"})]}
	{f.path | some f in rule.deny} == {["access_logs", "enabled"]} with input as {"resources": [], "modules": [alb({"access_logs": {"bucket": "logs", "enabled": false}})]}
}

test_opaque_alb_with_logs_network_or_switched_off_passes if {
	count(rule.deny) == 0 with input as {"resources": [], "modules": [alb({"access_logs": {"bucket": "logs"}})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [alb({"access_logs": {"$unknown": "var.logs"}})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [alb({"load_balancer_type": "network"}), alb({"create": false}), alb({"create_lb": false})]}
}

# The provider upper-cases the listener protocol: a "tls" listener terminates TLS as well.
test_lower_case_tls_listener_counts if {
	count(rule.deny) == 1 with input as {"resources": [nlb({}), listener("tls")]}
}

# Round 22: an elb module call with create_elb = false creates nothing to log.
test_registry_module_not_created_passes if {
	count(rule.deny) == 0 with input as {"resources": [], "modules": [{"address": "module.elb", "name": "elb", "source": "terraform-aws-modules/elb/aws", "config": {"name": "web", "create_elb": false}}]}
}

# The fix copies the destination the module's other load balancers of the same kind log to.
logging_alb(name, bucket, prefix) := {"address": sprintf("aws_lb.%s", [name]), "type": "aws_lb", "name": name, "config": {"access_logs": [{"bucket": bucket, "prefix": prefix, "enabled": true}]}, "references": []}

plain_alb := {"address": "aws_lb.app", "type": "aws_lb", "name": "app", "config": {"name": "app"}, "references": []}

test_fix_copies_the_siblings_bucket_and_prefix if {
	findings := rule.deny with input as {"resources": [plain_alb, logging_alb("api", {"$unknown": "aws_s3_bucket.logs.id"}, "lb")]}
	findings == {{"msg": "aws_lb.app does not write access logs", "resource": "aws_lb.app", "path": ["access_logs"], "fix": [{
		"op": "add_block", "path": [], "type": "access_logs",
		"config": {"bucket": {"$expr": "aws_s3_bucket.logs.id"}, "prefix": "lb", "enabled": true},
		"derived_from": [
			{"resource": "aws_lb.api", "path": ["access_logs", 0, "bucket"], "text": "aws_s3_bucket.logs.id"},
			{"resource": "aws_lb.api", "path": ["access_logs", 0, "prefix"]},
		],
	}]}}
}

test_no_fix_when_siblings_log_to_different_places_or_none if {
	findings := rule.deny with input as {"resources": [plain_alb, logging_alb("api", "logs-a", "lb"), logging_alb("web", "logs-b", "lb")]}
	findings == {{"msg": "aws_lb.app does not write access logs", "resource": "aws_lb.app", "path": ["access_logs"]}}
	alone := rule.deny with input as {"resources": [plain_alb]}
	alone == {{"msg": "aws_lb.app does not write access logs", "resource": "aws_lb.app", "path": ["access_logs"]}}
}

test_no_fix_from_another_kind_provider_or_instance_text if {
	classic := {"address": "aws_elb.old", "type": "aws_elb", "name": "old", "config": {"access_logs": [{"bucket": "logs"}]}, "references": []}
	f1 := rule.deny with input as {"resources": [plain_alb, classic]}
	f1 == {{"msg": "aws_lb.app does not write access logs", "resource": "aws_lb.app", "path": ["access_logs"]}}
	other_region := object.union(logging_alb("api", "logs", "lb"), {"provider": "aws.west"})
	f2 := rule.deny with input as {"resources": [plain_alb, other_region]}
	f2 == {{"msg": "aws_lb.app does not write access logs", "resource": "aws_lb.app", "path": ["access_logs"]}}
	counted := logging_alb("api", {"$unknown": "aws_s3_bucket.logs[count.index].id"}, "lb")
	f3 := rule.deny with input as {"resources": [plain_alb, counted]}
	f3 == {{"msg": "aws_lb.app does not write access logs", "resource": "aws_lb.app", "path": ["access_logs"]}}
}

test_fix_switches_on_a_block_naming_the_siblings_destination if {
	off := {"address": "aws_lb.app", "type": "aws_lb", "name": "app", "config": {"access_logs": [{"bucket": "logs", "prefix": "lb", "enabled": false}]}, "references": []}
	findings := rule.deny with input as {"resources": [off, logging_alb("api", "logs", "lb")]}
	findings == {{"msg": "aws_lb.app does not write access logs", "resource": "aws_lb.app", "path": ["access_logs", 0, "enabled"], "fix": [{
		"op": "set", "path": ["access_logs", 0, "enabled"], "value": true,
		"derived_from": [
			["access_logs", 0, "bucket"], ["access_logs", 0, "prefix"],
			{"resource": "aws_lb.api", "path": ["access_logs", 0, "bucket"]},
			{"resource": "aws_lb.api", "path": ["access_logs", 0, "prefix"]},
		],
	}]}}
	elsewhere := object.union(off, {"config": {"access_logs": [{"bucket": "other", "prefix": "lb", "enabled": false}]}})
	f2 := rule.deny with input as {"resources": [elsewhere, logging_alb("api", "logs", "lb")]}
	f2 == {{"msg": "aws_lb.app does not write access logs", "resource": "aws_lb.app", "path": ["access_logs", 0, "enabled"]}}
}
