// An unknown template in an instance of an expanded block (or a `for` element) names its own
// iteration values: every instance of "arn:${partition}:…/${each.value}" would otherwise carry the
// same text, and a rule reading it could not tell which policy an attachment names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from './memory-host';

/** The config of the instance at `address` (with its index, as the model writes it). */
function configOf(text: string, address: string): Record<string, unknown> {
  const r = analyze({ 'main.tf': text });
  const resource = r.model.resources.find((x) => x.address === address);
  assert.ok(resource, `${address} in the model`);
  return resource.config as Record<string, unknown>;
}

const PARTITION = `data "aws_partition" "current" {}
`;

test('for_each: each.value in an unknown template is written as the instance value', () => {
  const text = `${PARTITION}resource "aws_iam_role_policy_attachment" "a" {
  for_each   = toset(["AdministratorAccess", "ReadOnlyAccess"])
  role       = "r"
  policy_arn = "arn:\${data.aws_partition.current.partition}:iam::aws:policy/\${each.value}"
}
`;
  assert.deepEqual(configOf(text, 'aws_iam_role_policy_attachment.a["AdministratorAccess"]').policy_arn,
    { $unknown: '"arn:${data.aws_partition.current.partition}:iam::aws:policy/AdministratorAccess"' });
  assert.deepEqual(configOf(text, 'aws_iam_role_policy_attachment.a["ReadOnlyAccess"]').policy_arn, { $unknown: '"arn:${data.aws_partition.current.partition}:iam::aws:policy/ReadOnlyAccess"' });
});

test('count: an interpolation that reads count.index is substituted, module-wide names are not', () => {
  const text = `${PARTITION}variable "names" { default = ["a\\"b", "x$\${y}"] }
variable "account" { default = "123456789012" }
resource "aws_iam_role_policy_attachment" "a" {
  count      = 2
  role       = "r"
  policy_arn = "arn:\${data.aws_partition.current.partition}:iam::\${var.account}:policy/\${var.names[count.index]}"
}
`;
  const r = analyze({ 'main.tf': text });
  const arns = r.model.resources.filter((x) => x.type === 'aws_iam_role_policy_attachment').map((x) => x.config.policy_arn);
  // The value is written back as template source: quotes escaped, `${` doubled.
  assert.deepEqual(arns, [
    { $unknown: '"arn:${data.aws_partition.current.partition}:iam::${var.account}:policy/a\\"b"' },
    { $unknown: '"arn:${data.aws_partition.current.partition}:iam::${var.account}:policy/x$${y}"' },
  ]);
});

test('a for expression element names its own value; outside any iteration the source is kept', () => {
  const text = `${PARTITION}resource "aws_iam_role" "r" {
  name                = "r"
  assume_role_policy  = "{}"
  managed_policy_arns = [for p in ["AdministratorAccess"] : "arn:\${data.aws_partition.current.partition}:iam::aws:policy/\${p}"]
}
resource "aws_iam_role_policy_attachment" "plain" {
  role       = "r"
  policy_arn = "arn:\${data.aws_partition.current.partition}:iam::aws:policy/\${var.p}"
}
variable "p" { default = "AdministratorAccess" }
`;
  assert.deepEqual(configOf(text, 'aws_iam_role.r').managed_policy_arns,
    [{ $unknown: '"arn:${data.aws_partition.current.partition}:iam::aws:policy/AdministratorAccess"' }]);
  assert.deepEqual(configOf(text, 'aws_iam_role_policy_attachment.plain').policy_arn,
    { $unknown: '"arn:${data.aws_partition.current.partition}:iam::aws:policy/${var.p}"' });
});

test('the instance text does not leak through a reference: the reader sees its own expression', () => {
  const text = `${PARTITION}resource "aws_iam_policy" "p" {
  for_each = toset(["one"])
  name     = "n-\${each.key}"
  policy   = "{}"
  path     = "/\${data.aws_partition.current.partition}/\${each.key}/"
}
resource "aws_iam_role_policy_attachment" "a" {
  role       = "r"
  policy_arn = aws_iam_policy.p["one"].path
}
`;
  assert.deepEqual(configOf(text, 'aws_iam_policy.p["one"]').path, { $unknown: '"/${data.aws_partition.current.partition}/one/"' });
  assert.deepEqual(configOf(text, 'aws_iam_role_policy_attachment.a').policy_arn, { $unknown: 'aws_iam_policy.p["one"].path' });
});
