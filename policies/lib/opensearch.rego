# METADATA
# title: OpenSearch / Elasticsearch domain helpers
# description: |
#   The engine version an aws_elasticsearch_domain runs, for the features AWS only offers from a
#   given Elasticsearch version on (encryption at rest from 5.1, node-to-node encryption from 6.0).
package palisade.lib.opensearch

# below(r, least): r is an aws_elasticsearch_domain whose Elasticsearch version is known and older
# than least ([major, minor]). An unset elasticsearch_version deploys the provider's default, 1.5.
# aws_opensearch_domain defaults to a current OpenSearch, and "OpenSearch_x.y" versions on either
# resource support every feature asked here, so neither is ever below; an "Elasticsearch_x.y"
# engine_version on aws_opensearch_domain is judged like elasticsearch_version.
below(r, least) if {
	r.type == "aws_elasticsearch_domain"
	[major, minor] := _version(object.get(r.config, "elasticsearch_version", null))
	_older([major, minor], least)
}

# Round 22: aws_opensearch_domain also deploys legacy Elasticsearch when engine_version says so
# ("Elasticsearch_2.3"); those versions lack the same features. Unset, it is a current OpenSearch.
below(r, least) if {
	r.type == "aws_opensearch_domain"
	version := object.get(r.config, "engine_version", null)
	is_string(version)
	startswith(version, "Elasticsearch_")
	[major, minor] := _version(substring(version, count("Elasticsearch_"), -1))
	_older([major, minor], least)
}

# version_text(r): the version as a finding names it.
version_text(r) := substring(r.config.engine_version, count("Elasticsearch_"), -1) if {
	r.type == "aws_opensearch_domain"
} else := "1.5 (the provider's default)" if {
	object.get(r.config, "elasticsearch_version", null) == null
} else := sprintf("%v", [r.config.elasticsearch_version])

_version(null) := [1, 5]

# "7.10", "5.1"; a number (`elasticsearch_version = 6.8`) is the same text once printed.
_version(v) := [to_number(parts[0]), to_number(parts[1])] if {
	_scalar(v)
	text := sprintf("%v", [v])
	regex.match(`^[0-9]+\.[0-9]+`, text)
	parts := split(text, ".")
}

_scalar(v) if is_string(v)

_scalar(v) if is_number(v)

_older([major, _], [least_major, _]) if major < least_major

_older([major, minor], [least_major, least_minor]) if {
	major == least_major
	minor < least_minor
}
