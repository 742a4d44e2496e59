# METADATA
# title: Registry module helpers
# description: |
#   Calls of well-known registry modules (terraform-aws-modules/<name>/aws) whose code Palisade
#   cannot read (not in .terraform/modules) are opaque: their resources never reach the model.
#   Their arguments usually map one to one onto the resource they wrap, so rules may check a
#   module call's `config` as if it were that resource. A call whose code is available is
#   skipped: its resources are in the model already and are checked there.
package palisade.lib.modules

# opaque_calls(name): opaque calls of terraform-aws-modules/<name>/aws (registry, GitHub or git
# source), shaped like resources: {"address", "config", ...}.
opaque_calls(name) := [m |
	some m in object.get(input, "modules", [])
	not m.dir
	is_string(m.source)
	is_module(m.source, name)
]

is_module(source, name) if regex.match(concat("", [`^(registry\.terraform\.io/)?terraform-aws-modules/`, name, `/aws(//.*)?$`]), source)

is_module(source, name) if regex.match(concat("", [`github\.com[/:]terraform-aws-modules/terraform-aws-`, name, `(\.git)?([/?].*)?$`]), source)
