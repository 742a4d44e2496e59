// Rules that read JSON string attributes place their finding on the offending key inside the
// JSON (the front end maps JSON text key by key, docs/model.md), whatever form the JSON takes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { builtinPack, scanFiles } from './helpers';

/** Each finding of the rule as `line:column text` (1-based), plus its path. */
async function placed(ruleId: string, text: string): Promise<string[]> {
  const scan = await scanFiles(builtinPack(), { 'main.tf': text });
  return scan.findings
    .filter((f) => f.ruleId === ruleId)
    .map((f) => {
      const before = text.slice(0, f.range.start);
      const line = before.split('\n').length;
      const column = f.range.start - before.lastIndexOf('\n');
      return `${line}:${column} ${text.slice(f.range.start, f.range.end)} ${JSON.stringify(f.path)}`;
    })
    .sort();
}

const heredoc = (image: string) => `variable "image" {}
resource "aws_ecs_task_definition" "worker" {
  family                = "worker"
  container_definitions = <<EOF
[
  { "name": "log-router", "image": "fluent-bit:3" },
  { "name": "worker", "image": ${image}, "privileged": true }
]
EOF
}
`;

test('PAL-AWS-ECS-001 lands on the privileged key of the container inside heredoc JSON', async () => {
  // Known JSON (the model keeps the string) and JSON with an unknown image (the model decodes it).
  for (const image of ['"busybox"', '"${var.image}"']) {
    const text = heredoc(image);
    const column = text.split('\n')[6].indexOf('true') + 1;
    assert.deepEqual(await placed('PAL-AWS-ECS-001', text), [`7:${column} true ["container_definitions",1,"privileged"]`], image);
  }
});

test('PAL-AWS-ECS-001 lands on each privileged container of a jsonencode list', async () => {
  const text = `resource "aws_ecs_task_definition" "app" {
  family = "app"
  container_definitions = jsonencode([
    { name = "a", image = "nginx", privileged = true },
    { name = "b", image = "nginx", privileged = false },
    { name = "c", image = "nginx", privileged = true },
  ])
}
`;
  const col = text.split('\n')[3].indexOf('true') + 1;
  assert.deepEqual(await placed('PAL-AWS-ECS-001', text), [
    `4:${col} true ["container_definitions",0,"privileged"]`,
    `6:${col} true ["container_definitions",2,"privileged"]`,
  ]);
});

test('PAL-AWS-ECS-001 without a source for the JSON falls back to the attribute, and an unknown list stays quiet', async () => {
  const viaLocal = `locals {
  defs = [{ name = "app", image = "nginx", privileged = true }]
}
resource "aws_ecs_task_definition" "app" {
  family                = "app"
  container_definitions = jsonencode(local.defs)
}
`;
  const found = await placed('PAL-AWS-ECS-001', viaLocal);
  assert.equal(found.length, 1);
  assert.match(found[0], /^6:/);
  const unknownList = `variable "defs" {}
resource "aws_ecs_task_definition" "app" {
  family                = "app"
  container_definitions = var.defs
}
`;
  assert.deepEqual(await placed('PAL-AWS-ECS-001', unknownList), []);
});
