package palisade.lib.modules_test

import data.palisade.lib.modules

calls := {"modules": [
	{"address": "module.db", "source": "terraform-aws-modules/rds/aws", "config": {}},
	{"address": "module.git", "source": "git::https://github.com/terraform-aws-modules/terraform-aws-rds.git?ref=v6.0.0", "config": {}},
	{"address": "module.read", "source": "terraform-aws-modules/rds/aws", "dir": ".terraform/modules/read", "config": {}},
	{"address": "module.aurora", "source": "terraform-aws-modules/rds-aurora/aws", "config": {}},
	{"address": "module.local", "source": "./rds", "config": {}},
]}

test_opaque_registry_and_git_calls if {
	[m.address | some m in modules.opaque_calls("rds")] == ["module.db", "module.git"] with input as calls
}

test_other_module_names_do_not_match if {
	[m.address | some m in modules.opaque_calls("rds-aurora")] == ["module.aurora"] with input as calls
}

test_no_modules if {
	modules.opaque_calls("rds") == [] with input as {"resources": []}
}

test_pinned_below_reads_exact_and_pessimistic_constraints if {
	modules.pinned_below({"version": "3.7.0"}, 4)
	modules.pinned_below({"version": "~> 6.0"}, 9)
	modules.pinned_below({"version": "= v2.1.3"}, 3)
}

test_pinned_below_is_not_judged_for_open_or_newer_constraints if {
	not modules.pinned_below({"version": "~> 9.0"}, 9)
	not modules.pinned_below({"version": ">= 3.0"}, 4)
	not modules.pinned_below({"version": "~> 3"}, 4)
	not modules.pinned_below({}, 4)
}
