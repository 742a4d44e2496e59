package palisade.lib.unknown_test

import data.palisade.lib.unknown

u := {"$unknown": "var.x"}

test_is_unknown if {
	unknown.is_unknown(u)
	not unknown.is_unknown({"$unknown": "a", "b": 1})
	not unknown.is_unknown("x")
	not unknown.is_unknown(null)
	not unknown.is_unknown({})
}

test_known if {
	unknown.known(false)
	unknown.known({"a": u})
	not unknown.known(u)
}

test_is_false_never_on_unknown if {
	unknown.is_false(false)
	unknown.is_false("false")
	not unknown.is_false(u)
	not unknown.is_false(null)
	not unknown.is_false(0)
}

test_is_true if {
	unknown.is_true(true)
	unknown.is_true("true")
	not unknown.is_true(u)
}

test_value_or if {
	unknown.value_or(3, 7) == 3
	unknown.value_or(u, 7) == 7
	unknown.value_or(null, 7) == 7
	unknown.value_or(false, true) == false
}

test_has_and_missing if {
	unknown.has({"a": u}, "a")
	unknown.has({"a": false}, "a")
	unknown.missing({"a": null}, "a")
	unknown.missing({}, "a")
	unknown.missing({"a": ""}, "a")
	not unknown.missing({"a": "k"}, "a")
	not unknown.missing({"a": u}, "a")
	not unknown.missing(u, "a")
}

test_not_true if {
	unknown.not_true(false)
	unknown.not_true(null)
	not unknown.not_true(true)
	not unknown.not_true(u)
}

test_items if {
	unknown.items([1]) == [1]
	unknown.items(u) == []
	unknown.items(null) == []
}

test_known_number if {
	unknown.known_number(22) == 22
	unknown.known_number("22") == 22
	not unknown.known_number(u)
	not unknown.known_number("x")
}

test_literal_text if {
	unknown.literal_text({"$unknown": "\"/${var.env}/password\""}) == "\"/${}/password\""
	unknown.literal_text({"$unknown": "<<-EOT\nexport A=${var.a}\nEOT"}) == "<<-EOT\nexport A=${}\nEOT"
	unknown.literal_text({"$unknown": "base64encode(<<EOT\nx ${var.a}\nEOT\n)"}) == "base64encode(<<EOT\nx ${}\nEOT\n)"
	not unknown.literal_text({"$unknown": "var.password"})
	not unknown.literal_text({"$unknown": "templatefile(\"a.sh\", {})"})
	not unknown.literal_text("plain")
}
