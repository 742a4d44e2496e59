# METADATA
# title: EC2 instance is launched into the default VPC
# description: |
#   An instance without subnet_id (and without a network interface or launch template that places
#   it) is launched into a default subnet of the Region's default VPC, as is one whose subnet_id
#   names an aws_default_subnet, or a subnet looked up in the default VPC (data sources with
#   default_for_az, or filtered by a data.aws_vpc with default = true) or created in it. Default subnets give every instance a public IP address and a route
#   to the internet gateway, and the default VPC is shared by everything else launched without
#   thought; workloads belong in subnets of a VPC built for them.
# related_resources:
#   - ref: https://docs.aws.amazon.com/vpc/latest/userguide/default-vpc.html
# custom:
#   id: PAL-AWS-EC2-010
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_instance, "module:terraform-aws-modules/ec2-instance/aws"]
#   frameworks: {}
#   references:
#     kics: 7e4a6e76-568d-43ef-8c4e-36dea481bff1
#   cwe: ["CWE-1188"]
#   remediation: Set subnet_id to a subnet of a VPC built for the workload (a private one unless the instance must be public).
#   fixable: false
#   allow_unknown: true
package palisade.aws.ec2.instance_in_default_vpc

import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

# Advisory: quick experiments often use the default VPC on purpose.
warn contains result.fail(r, ["subnet_id"], msg) if {
	some r in tf.resources("aws_instance")
	tf.missing_attr(r, ["subnet_id"])
	tf.missing_attr(r, ["network_interface"])
	tf.missing_attr(r, ["primary_network_interface"])
	tf.missing_attr(r, ["launch_template"])
	msg := sprintf("%s has no subnet_id, so it is launched into a default subnet of the default VPC", [r.address])
}

# The registry ec2-instance module passes subnet_id (default null), network_interface and
# launch_template to its aws_instance unchanged; a call that sets none of them (and is not
# switched off with create = false) launches into the default VPC. subnet_id = "" reaches the
# instance as no subnet at all.
warn contains result.fail(m, ["subnet_id"], msg) if {
	some m in modules.opaque_calls("ec2-instance")
	object.get(m.config, "create", true) == true
	object.get(m.config, "subnet_id", null) in {null, ""}
	every arg in ["network_interface", "primary_network_interface", "launch_template"] {
		object.get(m.config, arg, null) in {null, [], {}}
	}
	msg := sprintf("%s sets no subnet_id, so its instance is launched into a default subnet of the default VPC", [m.address])
}

# subnet_id is unknown here (a reference), hence allow_unknown: the reference itself is the evidence.
warn contains result.fail(r, ["subnet_id"], msg) if {
	some r in tf.resources("aws_instance")
	some ref in r.references
	ref.path[0] == "subnet_id"
	startswith(ref.target, "aws_default_subnet.")
	msg := sprintf("%s is launched into the default subnet %s", [r.address, ref.target])
}

# A subnet looked up by a data source that can only return subnets of the default VPC, or a subnet
# created in the default VPC (vpc_id of an aws_default_vpc or of a data.aws_vpc with default = true).
warn contains result.fail(r, ["subnet_id"], msg) if {
	some r in tf.resources("aws_instance")
	some ref in r.references
	ref.path[0] == "subnet_id"
	some d in subnets
	tf.refers_to(ref.target, d.address)
	in_default_vpc(d)
	msg := sprintf("%s is launched into the default VPC: its subnet comes from %s", [r.address, d.address])
}

subnets := array.concat(
	[d | some d in object.get(input, "data", []); d.type in {"aws_subnet", "aws_subnets", "aws_subnet_ids"}],
	tf.resources("aws_subnet"),
)

# default_for_az = true (aws_subnet), or a filter on default-for-az = "true".
in_default_vpc(d) if {
	d.mode == "data"
	d.config.default_for_az == true
}

in_default_vpc(d) if {
	some f in tf.blocks(d, "filter")
	lower(f.name) in {"default-for-az", "defaultforaz"}
	values := unknown.items(f.values)
	count(values) > 0
	every v in values {
		lower(sprintf("%v", [v])) == "true"
	}
}

# vpc_id, or a vpc-id filter, names the default VPC.
in_default_vpc(d) if {
	some ref in d.references
	vpc_attribute(d, ref.path)
	startswith(ref.target, "aws_default_vpc.")
}

in_default_vpc(d) if {
	some ref in d.references
	vpc_attribute(d, ref.path)
	some vpc in tf.data_sources("aws_vpc")
	vpc.config["default"] == true
	tf.refers_to(ref.target, vpc.address)
}

vpc_attribute(_, path) if path[0] == "vpc_id"

vpc_attribute(d, path) if {
	path[0] == "filter"
	path[2] == "values"
	lower(d.config.filter[path[1]].name) == "vpc-id"
}
