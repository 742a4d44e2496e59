# METADATA
# title: CloudTrail trail records only read or only write management events
# description: |
#   An event_selector with read_write_type = "WriteOnly" drops every read-only management call
#   (the Describe, Get and List calls an intruder makes to look around, and reads of secrets);
#   "ReadOnly" drops the changes themselves. An investigation then cannot tell what was looked
#   at, or what was changed. CIS AWS
#   Foundations 3.1 and AWS Security Hub (CloudTrail.1) ask for at least one multi-region trail
#   that records read and write management events. Not reported when the trail's selectors
#   together cover both kinds, or when another trail in the configuration records all management
#   events in every region.
# related_resources:
#   - ref: https://docs.aws.amazon.com/awscloudtrail/latest/userguide/logging-management-events-with-cloudtrail.html
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/cloudtrail-controls.html#cloudtrail-1
# custom:
#   id: PAL-AWS-CLOUDTRAIL-009
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_cloudtrail]
#   frameworks:
#     cis-aws-2.0: ["3.1"]
#   references: {}
#   cwe: ["CWE-778"]
#   remediation: >-
#     Set read_write_type = "All" in the trail's event_selector (its default); when that selector
#     also lists data resources, add a management-only event_selector for the missing kind instead,
#     so that the data events it records stay as they are.
#   fixable: true
package palisade.aws.cloudtrail.management_events_partial

# Trails are few, so looking at the others for each one is cheap. A trail with an
# advanced_event_selector is left alone (its field selectors are another language), and so is a
# selector whose type or management switch is not known.

import data.palisade.lib.fixes
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

deny contains fixes.finding(r, path, msg, fix_ops(r, i, s, path, kind)) if {
	some r in tf.resources("aws_cloudtrail")
	tf.missing_attr(r, ["advanced_event_selector"])
	kinds := management_kinds(r)
	not "All" in kinds
	not {"ReadOnly", "WriteOnly"} == kinds
	not other_trail_records_all(r)
	some i, s in tf.blocks(r, "event_selector")
	records_management(s)
	kind := unknown.known_string(s.read_write_type)
	kind in {"ReadOnly", "WriteOnly"}
	path := ["event_selector", i, "read_write_type"]
	msg := sprintf("%s records only %s management events (read_write_type = %q)", [r.address, what[kind], kind])
}

what := {"ReadOnly": "read-only", "WriteOnly": "write"}

other := {"ReadOnly": "WriteOnly", "WriteOnly": "ReadOnly"}

# read_write_type filters the selector's data events too: a selector with data resources keeps its
# type (All would add every read of the S3 objects or Lambda calls it lists, a cost the owner did
# not choose), and a management-only selector for the missing kind is added instead (a new block
# after the last, whose include_management_events defaults to true; add_block would merge into the
# existing one) - once, on the first such selector, and only while the trail has fewer than the five
# selectors CloudTrail takes.
fix_ops(r, i, s, path, kind) := [result.set(path, "All")] if {
	count(unknown.items(object.get(s, "data_resource", []))) == 0
	not unknown.is_unknown(object.get(s, "data_resource", []))
} else := [result.set(["event_selector", n, "read_write_type"], other[kind])] if {
	n := count(tf.blocks(r, "event_selector"))
	n < 5
	i == min({j | some j, t in tf.blocks(r, "event_selector"); records_management(t); object.get(t, "read_write_type", "All") == kind})
} else := []

# The read_write_type of each selector that records management events; a selector without one
# records all. Undefined when a selector's switch or type is not known.
management_kinds(r) := {kind(s) | some s in tf.blocks(r, "event_selector"); records_management(s)} if {
	every s in tf.blocks(r, "event_selector") {
		not unknown.is_unknown(object.get(s, "include_management_events", true))
		not unknown.is_unknown(object.get(s, "read_write_type", "All"))
	}
}

kind(s) := object.get(s, "read_write_type", "All")

records_management(s) if not unknown.is_false(object.get(s, "include_management_events", true))

# Another multi-region trail of the unit that records every management event (no selector, or
# selectors covering both kinds).
other_trail_records_all(r) if {
	some o in tf.resources("aws_cloudtrail")
	o.address != r.address
	unknown.is_true(object.get(o.config, "is_multi_region_trail", false))
	tf.missing_attr(o, ["advanced_event_selector"])
	kinds := management_kinds(o)
	covers_all(o, kinds)
}

covers_all(o, _) if count(tf.blocks(o, "event_selector")) == 0

covers_all(_, kinds) if "All" in kinds

covers_all(_, kinds) if kinds == {"ReadOnly", "WriteOnly"}
