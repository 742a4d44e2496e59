package team.tags

import rego.v1

required := {"Owner", "CostCenter"}

deny contains msg if {
	some resource in input.resources
	some tag in required
	not resource.config.tags[tag]
	msg := sprintf("%s has no %s tag", [resource.address, tag])
}
