import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { SourceMapNode } from '../../../../server/src/iac/model';
import { analyze } from './memory-host';

const TEXT = `resource "aws_security_group" "web" {
  name = "web"
  tags = {
    Team = "core"
  }
  ingress {
    cidr_blocks = ["10.0.0.0/8", "0.0.0.0/0"]
  }
  ingress {
    from_port = 22
  }
}
`;

const slice = (n: { start: number; end: number } | undefined) => (n ? TEXT.slice(n.start, n.end) : undefined);

test('source ranges point at the block header, attribute names, values and list elements', () => {
  const r = analyze({ 'main.tf': TEXT });
  const root = r.sourceMaps.get('aws_security_group.web') as SourceMapNode;
  assert.equal(root.range.file, 'main.tf');
  assert.equal(slice(root.range), TEXT.trimEnd());
  assert.equal(slice(root.nameRange), 'resource "aws_security_group" "web"');
  const name = root.fields!.name;
  assert.equal(slice(name.range), 'name = "web"');
  assert.equal(slice(name.nameRange), 'name');
  assert.equal(slice(name.valueRange), '"web"');
  assert.equal(slice(root.fields!.tags.fields!.Team.valueRange), '"core"');
  assert.equal(slice(root.fields!.tags.fields!.Team.nameRange), 'Team');
  const ingress = root.fields!.ingress;
  assert.equal(ingress.items!.length, 2);
  assert.equal(slice(ingress.items![1].nameRange), 'ingress');
  const cidrs = ingress.items![0].fields!.cidr_blocks;
  assert.deepEqual(cidrs.items!.map((i) => slice(i.range)), ['"10.0.0.0/8"', '"0.0.0.0/0"']);
  assert.equal(slice(ingress.items![1].fields!.from_port.valueRange), '22');
});

test('a file read by units with different roots is mapped with each root\'s relative path', () => {
  // Attribute nodes are shared between analyses of the same tree; the path in them must still be
  // the one relative to each analysis's root.
  const files = { 'main.tf': TEXT };
  for (const [root, file] of [['/ws', 'main.tf'], ['/', 'ws/main.tf'], ['/ws', 'main.tf']]) {
    const r = analyze(files, { root });
    const node = r.sourceMaps.get('aws_security_group.web') as SourceMapNode;
    assert.equal(node.range.file, file);
    assert.equal(node.fields!.name.range.file, file);
    assert.equal(node.fields!.tags.fields!.Team.valueRange!.file, file);
    assert.equal(node.fields!.ingress.items![0].fields!.cidr_blocks.items![1].range.file, file);
  }
});
