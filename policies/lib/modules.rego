# METADATA
# title: Registry module helpers
# description: |
#   Calls of well-known registry modules (terraform-aws-modules/<name>/aws) whose code Palisade
#   cannot read (not in .terraform/modules) are opaque: their resources never reach the model.
#   Their arguments usually map one to one onto the resource they wrap, so rules may check a
#   module call's `config` as if it were that resource. A call whose code is available is
#   skipped: its resources are in the model already and are checked there.
package palisade.lib.modules

import data.palisade.lib.unknown

# opaque_calls(name): opaque calls of terraform-aws-modules/<name>/aws (registry, GitHub or git
# source), shaped like resources: {"address", "config", ...}. A call of one of its submodules
# (`//modules/<sub>`) is included only when that submodule creates the same kind of resource with
# the same arguments (every security-group submodule, rds's db_instance, elb's elb): the
# s3-bucket module's `object` or the eks module's node groups are not buckets or clusters.
opaque_calls(name) := [m |
	some m in object.get(input, "modules", [])
	not m.dir
	is_string(m.source)
	is_module(m.source, name)
	same_kind(m.source, name)
]

# submodule_calls(name, sub): opaque calls of one submodule of terraform-aws-modules/<name>/aws
# (`//modules/<sub>`), for rules that read a submodule whose inputs are not its root module's (the
# ecs module's `service`: one service's arguments at the top level, not a `services` map).
submodule_calls(name, sub) := [m |
	some m in object.get(input, "modules", [])
	not m.dir
	is_string(m.source)
	is_module(m.source, name)
	submodule(m.source) == sub
]

same_kind(source, _) if submodule(source) == ""

same_kind(source, "security-group") if submodule(source) != ""

same_kind(source, name) if submodule(source) in object.get(_same_kind_submodules, name, set())

_same_kind_submodules := {"rds": {"db_instance"}, "elb": {"elb"}}

# submodule(source): the submodule a source names (`…/aws//modules/object` → "object"), else "".
submodule(source) := parts[0][1] if {
	parts := regex.find_all_string_submatch_n(`//modules/([^/?]+)`, source, 1)
	count(parts) == 1
} else := ""

# Both forms name the module literally: sources that do not contain the name skip the regular
# expressions (one per module name, each compiled on first use).
is_module(source, name) if {
	contains(source, name)
	regex.match(concat("", [`^(registry\.terraform\.io/)?terraform-aws-modules/`, name, `/aws(//.*)?$`]), source)
}

is_module(source, name) if {
	contains(source, name)
	regex.match(concat("", [`github\.com[/:]terraform-aws-modules/terraform-aws-`, name, `(\.git)?([/?].*)?$`]), source)
}

# pinned_below(m, major): the call's `version` constraint admits only releases of one major
# version below `major` (an exact version, `= x.y.z`, `~> x.y` or `~> x.y.z`), so that older
# major's defaults apply. No constraint means the newest release; other forms are not judged.
pinned_below(m, major) if {
	is_string(m.version)
	parts := regex.find_all_string_submatch_n(`^\s*(=|~>)?\s*v?(\d+)\.\d+(\.\d+)?\s*$`, m.version, 1)
	count(parts) == 1
	to_number(parts[0][2]) < major
}

# argument(m, names, default_value): the call's value for an input that major versions of the
# module name differently (`cluster_endpoint_public_access` until v20, `endpoint_public_access`
# from v21): {"value", "path"} of the first name set, else the default on the call itself (path []).
argument(m, names, _) := {"value": m.config[name], "path": [name]} if {
	name := [n | some n in names; object.get(m.config, n, null) != null][0]
}

argument(m, names, default_value) := {"value": default_value, "path": []} if {
	every n in names {
		object.get(m.config, n, null) == null
	}
}

# creates(m, switches): none of the call's on/off inputs (`create`, `create_bucket`, …; each
# defaults to true in these modules) is set to anything but true. A call with a switch set to
# false creates nothing, and one with an unknown switch may create nothing: neither is judged.
creates(m, switches) if {
	every s in switches {
		object.get(m.config, s, true) == true
	}
}

# lambda_functions: opaque terraform-aws-modules/lambda calls that create a function. The module
# creates its aws_lambda_function (and the function URL, log group and permissions around it) only
# with create, create_function (and putin_khuylo) left true and create_layer false, in every major.
lambda_functions := [m |
	some m in opaque_calls("lambda")
	creates(m, ["create", "create_function", "putin_khuylo"])
	object.get(m.config, "create_layer", false) == false
]

# lambda_triggers: the entries of lambda_functions' `allowed_triggers` map, {"call", "key", "entry"}.
# The module turns each entry into aws_lambda_permission resources (one per qualifier switch left
# true): principal = entry.principal, else "<entry.service>.amazonaws.com"; action defaults to
# lambda:InvokeFunction; source_arn, source_account, principal_org_id and event_source_token are
# copied. Unknown maps and entries are left out.
lambda_triggers contains {"call": m, "key": key, "entry": entry} if {
	some m in lambda_functions
	creates_permissions(m)
	triggers := object.get(m.config, "allowed_triggers", {})
	is_object(triggers)
	not unknown.is_unknown(triggers)
	some key, entry in triggers
	is_object(entry)
	not unknown.is_unknown(entry)
}

creates_permissions(m) if {
	some switch in ["create_current_version_allowed_triggers", "create_unqualified_alias_allowed_triggers"]
	object.get(m.config, switch, true) == true
}

# rds_instances: opaque rds calls (the root module or its db_instance submodule) that create a DB
# instance: create_db_instance (root) or create (submodule), and putin_khuylo, left true.
rds_instances := calls_creating("rds", ["create_db_instance", "create", "putin_khuylo"])

# aurora_clusters: opaque rds-aurora calls that create a cluster: create (v7 on) or create_cluster
# (before), and putin_khuylo, left true.
aurora_clusters := calls_creating("rds-aurora", ["create", "create_cluster", "putin_khuylo"])

# s3_buckets: opaque s3-bucket calls that create their bucket (create_bucket and putin_khuylo left
# true, in every major).
s3_buckets := calls_creating("s3-bucket", ["create_bucket", "putin_khuylo"])

# calls_creating(name, switches): opaque calls of the module whose switches all create (creates).
calls_creating(name, switches) := [m |
	some m in opaque_calls(name)
	creates(m, switches)
]

# The registry modules wrapping one resource each, switched on. Their on/off inputs, read in the
# modules' variables.tf: sqs `create`; sns `create` (v5 on) or `create_sns_topic` (before);
# dynamodb-table `create_table`; secrets-manager `create`; ecr `create` and `create_repository`
# (a public repository, repository_type = "public", is an aws_ecrpublic_repository: see
# ecr_public_repositories); kms `create`, with create_external, create_replica and
# create_replica_external creating other key kinds instead of an aws_kms_key. Every one of them
# also has putin_khuylo (default true).
sqs_queues := calls_creating("sqs", ["create", "putin_khuylo"])

sns_topics := calls_creating("sns", ["create", "create_sns_topic", "putin_khuylo"])

dynamodb_tables := calls_creating("dynamodb-table", ["create_table", "putin_khuylo"])

secrets := calls_creating("secrets-manager", ["create", "putin_khuylo"])

ecr_repositories := [m |
	some m in calls_creating("ecr", ["create", "create_repository", "putin_khuylo"])
	object.get(m.config, "repository_type", "private") == "private"
]

# ecr_public_repositories: the same calls with repository_type = "public" (an aws_ecrpublic_repository
# and, always, its aws_ecrpublic_repository_policy).
ecr_public_repositories := [m |
	some m in calls_creating("ecr", ["create", "create_repository", "putin_khuylo"])
	object.get(m.config, "repository_type", "private") == "public"
]

kms_keys := [m |
	some m in calls_creating("kms", ["create", "putin_khuylo"])
	every other in ["create_external", "create_replica", "create_replica_external"] {
		object.get(m.config, other, false) == false
	}
]

# log_groups: calls of the cloudwatch module's log-group submodule (the root module creates no log
# group), switched on with `create`.
log_groups := [m |
	some m in object.get(input, "modules", [])
	not m.dir
	is_string(m.source)
	is_module(m.source, "cloudwatch")
	submodule(m.source) == "log-group"
	creates(m, ["create", "putin_khuylo"])
]

# vpcs: opaque vpc calls that create their VPC (create_vpc and putin_khuylo left true).
vpcs := calls_creating("vpc", ["create_vpc", "putin_khuylo"])

# ec2_instances: opaque ec2-instance calls that create their instance (create, putin_khuylo).
ec2_instances := calls_creating("ec2-instance", ["create", "putin_khuylo"])

# asg_launch_templates: opaque autoscaling calls that create their launch template
# (create_launch_template, create_lt before v5), which is made whatever `create` says.
asg_launch_templates := calls_creating("autoscaling", ["create_launch_template", "create_lt"])

# load_balancers: opaque alb calls that create their load balancer (create from v9, create_lb
# before, and putin_khuylo); application_load_balancers: those of load_balancer_type
# "application" (the default in every major).
load_balancers := calls_creating("alb", ["create", "create_lb", "putin_khuylo"])

application_load_balancers := [m |
	some m in load_balancers
	object.get(m.config, "load_balancer_type", "application") == "application"
]

# redshift_clusters: opaque redshift calls that create their cluster (create from v4, putin_khuylo).
redshift_clusters := calls_creating("redshift", ["create", "putin_khuylo"])

# elasticache_groups: opaque elasticache calls that create a replication group (create and
# create_replication_group, default true, and putin_khuylo); elasticache_caches adds those that
# create a standalone cluster instead (create_cluster = true). Only v1 exists.
elasticache_groups := calls_creating("elasticache", ["create", "create_replication_group", "putin_khuylo"])

elasticache_caches := array.concat(elasticache_groups, [m |
	some m in calls_creating("elasticache", ["create", "putin_khuylo"])
	m.config.create_replication_group == false
	m.config.create_cluster == true
])

# opensearch_domains: opaque opensearch calls that create their domain (create, putin_khuylo).
opensearch_domains := calls_creating("opensearch", ["create", "putin_khuylo"])

# cloudfront_distributions: opaque cloudfront calls that create their distribution
# (create_distribution, create in later releases, putin_khuylo).
cloudfront_distributions := calls_creating("cloudfront", ["create_distribution", "create", "putin_khuylo"])

# statement_entries(statements): the statements of a module's `*_policy_statements` map (sqs, sns,
# …), each {"statement", "path"} in the shape of a policy document statement, as the modules'
# aws_iam_policy_document builds it: Effect (unset: Allow), Action from `actions`, Principal from
# `principals` ({type, identifiers}; type "*" is "*"). A statement with a `condition`/`conditions`
# or `not_principals` is left out: only unconditional grants are judged. The modules iterate the
# value with a dynamic block's for_each (their variables are `type = any`), so a list of
# statements works as well as a map: its entries are keyed by index.
statement_entries(statements) := [{"statement": s, "path": [key]} |
	_is_collection(statements)
	not unknown.is_unknown(statements)
	some key, entry in statements
	is_object(entry)
	unknown.known(entry)
	every k in ["condition", "conditions", "not_principals"] {
		object.get(entry, k, []) in {[], null}
	}
	s := {
		"Effect": object.get(entry, "effect", "Allow"),
		"Action": object.get(entry, "actions", []),
		"Principal": statement_principal(object.get(entry, "principals", [])),
	}
]

_is_collection(x) if is_object(x)

_is_collection(x) if is_array(x)

statement_principal(principals) := "*" if {
	some p in principals
	p.type == "*"
} else := {t: ids |
	some p in principals
	t := p.type
	is_string(t)
	ids := [id | some q in principals; q.type == t; some id in object.get(q, "identifiers", [])]
}

# apigateway_v2_routes: the routes of opaque apigateway-v2 calls, {"call", "key", "entry", "path"}.
# Each entry of `routes` (v5 on) or `integrations` (v2 to v4) becomes one aws_apigatewayv2_route
# whose route_key is the entry's key, unless `create` or `create_routes_and_integrations` (and
# before v5 `create_api_gateway`) is false. Unknown maps and entries, and entries with
# `create_route = false`, are left out.
apigateway_v2_routes contains {"call": m, "key": key, "entry": entry, "path": [arg, key]} if {
	some m in calls_creating("apigateway-v2", ["create", "create_api_gateway", "create_routes_and_integrations", "putin_khuylo"])
	some arg in ["routes", "integrations"]
	routes := object.get(m.config, arg, {})
	is_object(routes)
	not unknown.is_unknown(routes)
	some key, entry in routes
	is_object(entry)
	not unknown.is_unknown(entry)
	object.get(entry, "create_route", true) == true
}

# sfn_state_machines: opaque step-functions calls that create their state machine (`create`, in
# every major).
sfn_state_machines := calls_creating("step-functions", ["create", "putin_khuylo"])

# memorydb_clusters: opaque memory-db calls that create their cluster (`create`; the module passes
# tls_enabled and snapshot_retention_limit through, null by default, and names its own ACL unless
# create_acl = false).
memorydb_clusters := calls_creating("memory-db", ["create"])

# caller_values(r, v): when `v`, a value of resource `r` in a child module, is one of that module's
# variables (unknown `var.NAME`, alone or as a list element), the values the module call passes for
# NAME, as {"value", "caller"}: `caller` is the module the call sits in ("" at the root), whose
# names the passed value's unknown expressions use (`aws_sns_topic.slack.arn` from
# terraform-aws-guardduty-notifications' example, read by its event target's `arn = var.sns_topic_slack_arn`).
# Only calls in the model are followed; an argument left at its default is not.
caller_values(r, v) := {{"value": arg, "caller": caller_of(call.address)} |
	module_address := object.get(r, "module", "")
	module_address != ""
	some expr in unknown_exprs(v)
	name := variable_name(expr)
	some call in object.get(input, "modules", [])
	call.address == module_address
	arg := call.config[name]
}

# unknown_exprs(v): the source text of v's unknowns, v itself or the elements of a list.
unknown_exprs(v) := {e | e := v["$unknown"]; is_string(e)} if is_object(v)

else := {e | some item in v; is_object(item); e := item["$unknown"]; is_string(e)} if is_array(v)

else := set()

variable_name(expr) := name if {
	[[_, name]] := regex.find_all_string_submatch_n(`^var\.([A-Za-z_][A-Za-z0-9_-]*)$`, expr, 1)
}

# caller_of(call_address): the module a call sits in, "" for a call in the root module.
caller_of(call_address) := regex.replace(call_address, `(^|\.)module\.[^.]+$`, "")

# names_in_caller(expr, caller, address): the unknown expression `expr`, written in module `caller`,
# reads the resource at `address` (itself or an attribute or instance of it).
names_in_caller(expr, caller, address) if {
	local := local_address(address, caller)
	some prefix in [concat("", [local, "."]), concat("", [local, "["])]
	startswith(expr, prefix)
}

names_in_caller(expr, caller, address) if expr == local_address(address, caller)

local_address(address, "") := address

local_address(address, caller) := trim_prefix(address, concat("", [caller, "."])) if {
	caller != ""
	startswith(address, concat("", [caller, "."]))
}
