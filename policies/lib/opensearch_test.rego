package palisade.lib.opensearch_test

import data.palisade.lib.opensearch

es(config) := {"address": "aws_elasticsearch_domain.d", "type": "aws_elasticsearch_domain", "config": config}

test_unset_version_is_the_default_1_5 if {
	opensearch.below(es({}), [5, 1])
	opensearch.version_text(es({})) == "1.5 (the provider's default)"
}

test_known_versions if {
	opensearch.below(es({"elasticsearch_version": "2.3"}), [5, 1])
	opensearch.below(es({"elasticsearch_version": "5.6"}), [6, 0])
	not opensearch.below(es({"elasticsearch_version": "5.1"}), [5, 1])
	not opensearch.below(es({"elasticsearch_version": "7.10"}), [6, 0])
	opensearch.below(es({"elasticsearch_version": 2.3}), [5, 1])
	opensearch.version_text(es({"elasticsearch_version": "2.3"})) == "2.3"
}

test_never_below if {
	not opensearch.below(es({"elasticsearch_version": "OpenSearch_1.3"}), [5, 1])
	not opensearch.below(es({"elasticsearch_version": {"$unknown": "var.v"}}), [5, 1])
	not opensearch.below({"address": "aws_opensearch_domain.d", "type": "aws_opensearch_domain", "config": {}}, [5, 1])
}

os(config) := {"address": "aws_opensearch_domain.d", "type": "aws_opensearch_domain", "config": config}

# Round 22: legacy Elasticsearch through aws_opensearch_domain's engine_version.
test_opensearch_resource_on_legacy_elasticsearch if {
	opensearch.below(os({"engine_version": "Elasticsearch_2.3"}), [5, 1])
	opensearch.version_text(os({"engine_version": "Elasticsearch_2.3"})) == "2.3"
	opensearch.below(os({"engine_version": "Elasticsearch_5.6"}), [6, 0])
	not opensearch.below(os({"engine_version": "Elasticsearch_7.10"}), [6, 0])
	not opensearch.below(os({"engine_version": "OpenSearch_2.13"}), [5, 1])
	not opensearch.below(os({"engine_version": {"$unknown": "var.v"}}), [5, 1])
}
