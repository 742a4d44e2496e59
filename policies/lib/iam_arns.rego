# METADATA
# title: IAM ARN pattern helpers
# description: |
#   Which Resource ARN patterns of a statement reach every resource of a type or of a service
#   (`arn:aws:secretsmanager:*:*:secret:*`, `arn:aws:logs:*:*:*`): part of palisade.lib.iam, in a
#   file of its own for length.
package palisade.lib.iam

import data.palisade.lib.iam_write_types as write_types
import data.palisade.lib.unknown

# wildcard_arns(s): each Resource entry of a statement that is an ARN pattern ending in "*", as
# {"path" (inside the statement, as star_resource_paths), "service" (lower-case, or "*"),
# "resource" (the resource part), "arn" (as written)}. Partition, region and account must each be
# "*", one value, one whole interpolation (`${var.account}`), or empty where the service's ARNs
# have no such field: whichever region or account it names, the resource part reaches the same
# resources in it. An interpolation in the resource part, a field that mixes text and interpolation
# (`eu-${var.r}`) or a partial pattern (`us-*`), and a wholly unknown value (`var.arns`) are left
# out: they are not judged. A plain "*" is not an ARN.
#
# "fields" is "<region>:<account>:<resource>" with a region or account that is not empty written
# as "*" (the resource part reaches the same resources whichever one it names), the form
# covers_type_format compares with a resource type's ARN format.
wildcard_arns(s) := [{"path": path, "service": svc, "resource": resource, "arn": arn_text(r), "fields": fields} |
	some [path, r] in _resource_entries(s)
	[svc, resource, fields] := _arn_service_resource(r)
]

_resource_entries(s) := [[["Resource", i], r] | some i, r in s.Resource] if is_array(s.Resource)

else := [[["Resource"], s.Resource]] if s.Resource

else := []

# covers_every_of_type(e, service): a wildcard_arns entry of the service (or of "*") whose resource
# part is a bare wildcard over a whole resource type: "*" or one of every_of_type_parts[service]
# ("secret:*", "parameter/*", "table/*", "key/*", S3's "*/*"). IAM matches "*" across "/" and ":",
# so `arn:aws:secretsmanager:*:*:secret:*` grants what "*" grants for secretsmanager:GetSecretValue.
# A prefix (`secret:app/*`, `arn:aws:s3:::my-bucket/*`, `parameter/app/*`) is not every resource.
covers_every_of_type(e, service) if {
	e.service in {service, "*"}
	_every_part(e.resource, service)
}

# covers_every_of_service(e, service): the resource part is "*" alone (`arn:aws:logs:*:*:*`,
# `arn:aws:sqs:eu-west-1:111122223333:*`): every resource of every type of the service, what "*"
# grants for each of its actions.
covers_every_of_service(e, service) if {
	e.service in {service, "*"}
	e.resource == "*"
}

# covers_type_format(e, service, starred): the entry reaches every resource of a type of the
# service whose ARN, as "<region>:<account>:<resource part>" with each ${Variable} and each
# non-empty region or account written as "*", is `starred` (`:*:role/*`, `*:*:log-group:*`,
# `*:*:log-group:*:log-stream:*`, an S3 object's `::*/*`: lib/iam_write_types, from the formats of
# the AWS service authorization data). The entry's only wildcard must be "*": if its "fields"
# match `starred` read as text, each "*" of `starred` is consumed by one of its own, which matches
# any value there, so it matches every ARN of the type (`log-group:*` also every log stream;
# `log-group:/aws/lambda/*` not every log group; an empty region only a type without one). No
# delimiters: IAM's "*" crosses "/", ":" and ".".
covers_type_format(e, service, starred) if {
	e.service in {service, "*"}
	not regex.match(`[?\[\]{}\\]`, e.fields)
	glob.match(e.fields, null, starred)
}

# covers_types_of_write(e, action): PAL-AWS-IAM-050's write action (or a write an action pattern
# matches) has the types a pattern must cover to reach all it acts on (lib/iam_write_types: its
# required types, or any one of its types when none is required) covered by the entry.
covers_types_of_write(e, action) if {
	[service, pattern] := split(lower(action), ":")
	some types, names in write_types.by_types[service]
	every starred in split(types, " ") {
		covers_type_format(e, service, starred)
	}
	some name in names
	glob.match(pattern, null, name)
}

_every_part("*", _)

_every_part(resource, service) if resource in every_of_type_parts[service]

# [service (lower-case), resource part] of an ARN pattern ending in "*" (see wildcard_arns).
_arn_service_resource(r) := [lower(svc), resource, concat(":", [_any(region), _any(account), resource])] if {
	text := arn_text(r)
	endswith(text, "*") # cheap test first: most ARNs name one resource
	parts := regex.find_all_string_submatch_n(`^arn:([^:]*):([^:]*):([^:]*):([^:]*):(.*)$`, _interpolations_marked(text), 1)
	count(parts) == 1
	[_, partition, svc, region, account, resource] := parts[0]
	regex.match(`^(aws[a-z-]*|\*|#)$`, partition)
	regex.match(`^(|\*|#|[a-z]{2}(-[a-z]+)+-[0-9]+)$`, region)
	regex.match(`^(|\*|#|[0-9]{12})$`, account)
	_empty_field_matches(region, svc, _regionless)
	_empty_field_matches(account, svc, _accountless)
	not contains(resource, "#")
}

_any("") := ""

_any(field) := "*" if field != ""

# IAM matches each ARN field as written ("*" and "?" are the only wildcards), so an empty region or
# account matches only resources whose ARNs have none there: S3 buckets and objects (neither), IAM
# (no region). Elsewhere it matches nothing of the account (`arn:aws:ssm:us-east-1::parameter/*` is
# AWS's public parameters), so it is not every resource (review, session 23, R5).
_empty_field_matches(field, _, _) if field != ""

_empty_field_matches("", svc, services) if lower(svc) in services

_regionless := {"s3", "iam", "*"}

_accountless := {"s3", "*"}

# Resource parts that name every resource of a type, per service (lower-case), from the ARN
# formats of the AWS service authorization data: "<type>/*" or "<type>:*", and "<type>*" (which
# IAM also matches against every "<type>/…"). S3 ARNs have no type: "*/*" is every object.
every_of_type_parts := {
	"s3": {"*/*"},
	"secretsmanager": {"secret:*", "secret*"},
	"ssm": {"parameter/*", "parameter*"},
	"dynamodb": {"table/*", "table*"},
	"kms": {"key/*", "key*"},
}

# arn_text(r): a known string, or the text of an unknown template (a quoted HCL string or a JSON
# string leaf of a heredoc) that starts with "arn:", with its interpolations as written.
arn_text(r) := r if is_string(r)

else := text if {
	unknown.is_unknown(r)
	raw := r["$unknown"]
	is_string(raw)
	text := trim(raw, `"`)
	startswith(text, "arn:")
}

# Each interpolation becomes "#", a character no ARN holds, so a field that is exactly one
# interpolation reads "#" and one that mixes text and interpolation reads neither a value nor "#".
_interpolations_marked(text) := regex.replace(text, `\$\{[^}]*\}`, "#")
