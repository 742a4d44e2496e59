# METADATA
# title: ECR repository allows image tags to be overwritten
# description: |
#   With mutable tags anyone who can push can silently replace the image behind a tag such as
#   v1.4.2 or prod, so what is deployed is no longer what was reviewed and scanned. Immutable tags
#   make a tag always mean the same image.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-tag-mutability.html
#   - ref: https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_ImageTagMutabilityExclusionFilter.html
# custom:
#   id: PAL-AWS-ECR-002
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_ecr_repository, "module:terraform-aws-modules/ecr/aws"]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_51
#     trivy: AVD-AWS-0031
#     kics: d1846b12-20c5-4d45-8798-fc35b79268eb
#   remediation: >-
#     Set image_tag_mutability = "IMMUTABLE". Where the configuration deploys a moving tag of the
#     repository by name (":latest" in a task definition, a Lambda image_uri, a module argument),
#     pushing that tag again would fail under IMMUTABLE: use "IMMUTABLE_WITH_EXCLUSION" with an
#     image_tag_mutability_exclusion_filter for exactly those tags (hashicorp/aws 6.8.0 or later),
#     or deploy unique tags or digests.
#   fixable: true
package palisade.aws.ecr.tags_mutable

import data.palisade.lib.fixes
import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.tf

types := {"aws_ecr_repository"}

ok_values := {"IMMUTABLE", "IMMUTABLE_WITH_EXCLUSION"}

# IMMUTABLE refuses every push of a tag that already exists (ImageTagAlreadyExistsException). When
# the configuration itself deploys a moving tag of the repository by name - ":latest" in a task
# definition, a Lambda image_uri or a module argument - the next push of that tag would fail and
# the deployment would stay on the old image. Those tags are kept mutable with
# IMMUTABLE_WITH_EXCLUSION and one exclusion filter per tag (at most 5, the API's limit), which the
# provider accepts from hashicorp/aws 6.8.0: the fix uses them only when the unit's
# required_providers admits nothing older, and otherwise leaves the finding without a fix, its
# message naming the tags.
deny contains fixes.finding(r, ["image_tag_mutability"], message(r, tags), repository_fix(r, tags)) if {
	some r in input.resources
	r.type in types
	bad(object.get(r.config, "image_tag_mutability", null))
	tags := moving_tags(tf.scope(r.address), sprintf("aws_ecr_repository.%s", [r.name]))
}

# Opaque terraform-aws-modules/ecr calls: repository_image_tag_mutability (default "IMMUTABLE")
# becomes the repository's image_tag_mutability; only a set value is judged. A moving tag deployed
# from module.x.repository_url withholds the fix the same way (the fix does not write the module's
# exclusion filters).
deny contains fixes.finding(m, ["repository_image_tag_mutability"], module_message(m, tags), module_fix(tags)) if {
	some m in modules.ecr_repositories
	value := object.get(m.config, "repository_image_tag_mutability", "IMMUTABLE")
	value != null
	bad(value)
	scope := tf.scope(m.address)
	tags := moving_tags(scope, regex.replace(substring(m.address, count(scope), -1), `\[.*\]$`, ""))
}

message(r, tags) := sprintf("%s allows image tags to be overwritten (%s)", [r.address, reason]) if {
	has_filters(r)
	reason := "no fix: its image_tag_mutability_exclusion_filter blocks, which IMMUTABLE does not take, are the owner's to remove"
} else := sprintf("%s allows image tags to be overwritten", [r.address]) if {
	count(tags) == 0
} else := sprintf("%s allows image tags to be overwritten (the configuration deploys %s from it, %s)", [r.address, tag_list(tags), tags_note(r, tags)])

# A moving tag's next push under IMMUTABLE is refused; say what the fix does about it, or why none.
tags_note(r, tags) := "which IMMUTABLE would refuse to push again; exclusion filters keep them mutable" if {
	count(repository_fix(r, tags)) > 0
} else := "which IMMUTABLE would refuse to push again; no fix: more than the 5 exclusion filters ECR allows" if {
	count(tags) > 5
} else := "which IMMUTABLE would refuse to push again; no fix: exclusion filters need hashicorp/aws 6.8.0 or later in required_providers"

tag_list(tags) := concat(", ", [sprintf(":%s", [t]) | some t in sort(tags)])

# MUTABLE_WITH_EXCLUSION's filters name tags kept immutable; the provider accepts filters only with
# a *_WITH_EXCLUSION value, so neither IMMUTABLE nor new filters fit beside them.
has_filters(r) if tf.has_attr(r, ["image_tag_mutability_exclusion_filter"])

repository_fix(r, tags) := [result.set(["image_tag_mutability"], "IMMUTABLE")] if {
	not has_filters(r)
	count(tags) == 0
} else := array.concat(
	[result.set(["image_tag_mutability"], "IMMUTABLE_WITH_EXCLUSION")],
	[result.append_block([], "image_tag_mutability_exclusion_filter", {"filter": t, "filter_type": "WILDCARD"}) | some t in sort(tags)],
) if {
	not has_filters(r)
	count(tags) > 0
	count(tags) <= 5
	tf.provider_from("aws", exclusion_filter_release)
} else := []

module_message(m, tags) := sprintf("%s allows image tags to be overwritten", [m.address]) if {
	count(tags) == 0
} else := sprintf("%s allows image tags to be overwritten (the configuration deploys %s from it, %s)", [m.address, tag_list(tags), note]) if {
	note := "which IMMUTABLE would refuse to push again; no fix: the module's exclusion filters are the owner's to write"
}

module_fix(tags) := [result.set(["repository_image_tag_mutability"], "IMMUTABLE")] if count(tags) == 0

else := []

# The hashicorp/aws release that added image_tag_mutability_exclusion_filter and the *_WITH_EXCLUSION
# values (6.8.0, August 2025).
exclusion_filter_release := [6, 8, 0]

# moving_tags(scope, target): the literal tags the configuration deploys from target's
# repository_url ("${aws_ecr_repository.app.repository_url}:latest"), in the module at scope,
# except version-like ones (v1.2.3, 2024.01, a commit hash): a deployment pinned to one of those
# changes the configuration to move, not the tag.
moving_tags(scope, target) := {tag |
	some [s, t, tag] in deployed_tags
	s == scope
	t == target
	not pinned(tag)
}

# deployed_tags: [scope, target, tag] for every literal tag appended to a repository_url in a
# resource argument that references it (the reference names the path) or in a module call's
# arguments (calls carry no references: their few arguments are read whole).
deployed_tags contains [tf.scope(holder.address), target, tag] if {
	some holder in input.resources
	some ref in holder.references
	ref.attribute == "repository_url"
	value := object.get(holder.config, ref.path, null)
	some [target, tag] in url_tags(value)
}

deployed_tags contains [tf.scope(m.address), target, tag] if {
	some m in object.get(input, "modules", [])
	walk(m.config, [_, value])
	some [target, tag] in url_tags(value)
}

url_tags(value) := {[target, tag] |
	text := value["$unknown"]
	is_string(text)
	some match in regex.find_all_string_submatch_n(url_tag_pattern, text, -1)
	target := concat(".", [match[1], match[2]])
	tag := match[3]
}

url_tag_pattern := `(aws_ecr_repository|module)\.([A-Za-z0-9_-]+)(?:\[[^\]]*\])?\.repository_url\}:([A-Za-z0-9_][A-Za-z0-9_.-]{0,127})"`

pinned(tag) if regex.match(`^[vV]?[0-9]+([._-][0-9A-Za-z]+)*$`, tag)

pinned(tag) if regex.match(`^(sha-)?[0-9a-f]{7,64}$`, tag)

bad(null) := true

bad(v) if {
	is_string(v)
	not v in ok_values
}
