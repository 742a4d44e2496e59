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
