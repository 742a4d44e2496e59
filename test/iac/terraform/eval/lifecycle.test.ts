import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from './memory-host';

// A rule may leave an argument that lifecycle.ignore_changes hands to others (rules attached to a
// web ACL from another configuration) to whoever manages it: the model says which ones.
test('lifecycle.ignore_changes reaches the model as the top-level arguments it names, or all', () => {
  const r = analyze({
    'main.tf': `
resource "a_b" "list" {
  lifecycle {
    ignore_changes = [rule, tags["owner"], ebs_block_device[0].size, rule]
  }
}
resource "a_b" "all" {
  lifecycle {
    ignore_changes = all
  }
}
resource "a_b" "legacy" {
  lifecycle {
    ignore_changes = ["tags.owner", "*"]
  }
}
resource "a_b" "quoted" {
  lifecycle {
    ignore_changes = ["rule"]
  }
}
resource "a_b" "none" {
  lifecycle {
    ignore_changes        = []
    create_before_destroy = true
  }
}
resource "a_b" "plain" {}
data "a_b" "read" {
  lifecycle {
    postcondition {
      condition     = true
      error_message = "x"
    }
  }
}
`,
  });
  assert.deepEqual(
    r.model.resources.map((x) => [x.address, x.ignore_changes]),
    [
      ['a_b.list', ['rule', 'tags', 'ebs_block_device']],
      ['a_b.all', 'all'],
      ['a_b.legacy', 'all'],
      ['a_b.quoted', ['rule']],
      ['a_b.none', undefined],
      ['a_b.plain', undefined],
    ],
  );
  assert.equal(r.model.data![0].ignore_changes, undefined);
  // Meta-arguments stay out of the configuration.
  assert.equal(r.model.resources[0].config.lifecycle, undefined);
});
