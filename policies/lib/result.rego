# METADATA
# title: Finding builder
# description: |
#   The only way a rule builds a finding, so the shape the policy layer reads changes in one place.
#   A finding is {"msg", "resource": <address>, "path": [...inside config...]} plus "fix" (a list of
#   format-neutral fix operations) when the rule offers one, and "related" for cross-resource findings.
package palisade.lib.result

# fail is a finding on `path` inside `resource`'s config ([] = the resource itself).
fail(resource, path, msg) := {"msg": msg, "resource": resource.address, "path": path}

# fail_fix is a finding that carries fix operations (see the op builders below).
fail_fix(resource, path, msg, fix) := {"msg": msg, "resource": resource.address, "path": path, "fix": fix}

# with_related adds secondary locations: a list built with related(...).
with_related(finding, items) := object.union(finding, {"related": items})

related(resource, path, msg) := {"resource": resource.address, "path": path, "msg": msg}

# with_peers names the peers' ids of the part of the rule that produced the finding:
# {"checkov": [...], "trivy": [...], "kics": [...]} (tfsec ids go under trivy). A `#checkov:skip`,
# `#tfsec:ignore`/`#trivy:ignore` or `kics-scan` comment then silences the finding only when the
# finding's own list for that tool names it (kics comments name no id: a non-empty kics list lets
# them). A tool left out, or an empty list, means no comment of that tool silences the finding.
# Without it the rule's `references` decide, for every finding of the rule (DESIGN.md Contract 3).
with_peers(finding, ids) := object.union(finding, {"peers": [ids]})

# with_peer_parts: a finding that reports several parts at once (one object per part, as in
# with_peers); it is silenced only when every part is named by a comment on it.
with_peer_parts(finding, parts) := object.union(finding, {"peers": parts})

# Fix operations (DESIGN.md Contract 2).
set(path, value) := {"op": "set", "path": path, "value": value}

remove(path) := {"op": "remove", "path": path}

add_block(parent_path, block_type, config) := {"op": "add_block", "path": parent_path, "type": block_type, "config": config}

# append_block: one more block of a type whose blocks are entries of a list (an Elastic Beanstalk
# `setting`, a parameter group's `parameter`). add_block completes an existing single block of its
# type, which for such types would overwrite another entry (another option or parameter).
append_block(parent_path, block_type, config) := object.union(add_block(parent_path, block_type, config), {"repeatable": true})

add_resource(resource_type, name, config) := {"op": "add_resource", "type": resource_type, "name": name, "config": config}

# expr marks a value that is a Terraform expression, not a literal: expr("aws_s3_bucket.logs.id").
expr(text) := {"$expr": text}
