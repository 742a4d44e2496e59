package palisade.lib.cis_alarms_test

import data.palisade.lib.cis_alarms

filter(name, pattern) := {"address": concat(".", [cis_alarms.filter_type, name]), "type": cis_alarms.filter_type, "name": name, "config": {"pattern": pattern, "metric_transformation": [{"name": name}]}, "references": []}

alarm_on(name) := {"address": concat(".", [cis_alarms.alarm_type, name]), "type": cis_alarms.alarm_type, "name": name, "config": {"metric_name": name}, "references": []}

test_parts_split_on_and if {
	cis_alarms.parts(`{ ($.errorCode = "*UnauthorizedOperation") && ($.eventName != "HeadBucket") }`) == [["$.errorCode=*UnauthorizedOperation"], ["$.eventName!=HeadBucket"]]
}

test_covers_needs_all_terms_in_one_or_group if {
	cis_alarms.covers("{ ($.eventName = A) || ($.eventName = B) }", ["$.eventName=A", "$.eventName=B"], "")
	not cis_alarms.covers("{ ($.eventName = A) && ($.eventName = B) }", ["$.eventName=A", "$.eventName=B"], "")
	not cis_alarms.covers("{ ($.eventName = AB) }", ["$.eventName=A"], "")
}

test_forbidden_prefix if {
	not cis_alarms.covers("{ ($.eventSource = s3) || ($.eventName = A) }", ["$.eventName=A"], "$.eventSource")
	cis_alarms.covers("{ ($.eventSource = s3) && (($.eventName = A)) }", ["$.eventName=A"], "$.eventSource")
}

test_missing_and_watched if {
	cis_alarms.missing(["$.eventName=A"], "") with input as {"resources": [filter("f", "{ $.eventName = B }"), alarm_on("f")]}
	not cis_alarms.missing(["$.eventName=A"], "") with input as {"resources": [filter("f", "{ $.eventName = A }"), alarm_on("f")]}
	cis_alarms.missing(["$.eventName=A"], "") with input as {"resources": [filter("f", "{ $.eventName = A }"), alarm_on("other")]}
}

test_unknown_pattern_counts_as_watched if {
	not cis_alarms.missing(["$.eventName=A"], "") with input as {"resources": [filter("f", "{ $.eventName = B }"), filter("g", {"$unknown": "var.p"}), alarm_on("g")]}
}

test_unrelated_filters_are_not_a_monitoring_unit if {
	not cis_alarms.monitoring_unit with input as {"resources": [filter("f", "ERROR")]}
}

test_conjunction_needs_each_term_in_its_own_part if {
	req := {"all_of": ["$.eventName=ConsoleLogin", "$.errorMessage=Failedauthentication"]}
	cis_alarms.covers(`{ ($.eventName = ConsoleLogin) && ($.errorMessage = "Failed authentication") }`, req, "")
	not cis_alarms.covers(`{ ($.eventName = ConsoleLogin) || ($.errorMessage = "Failed authentication") }`, req, "")
	not cis_alarms.covers(`{ $.errorMessage = "Failed authentication" }`, req, "")
}
