// `provisioner` and `connection` blocks reach the model (the label as `type`), with source maps,
// without diagnostics from what only exists while applying (`self`, `when = destroy`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from './memory-host';

const TEXT = `resource "aws_instance" "web" {
  ami = "ami-1"

  connection {
    type = "ssh"
    host = self.public_ip
  }

  provisioner "remote-exec" {
    inline = [
      "echo export AWS_SECRET_ACCESS_KEY=abc >> ~/.bashrc",
    ]
  }

  provisioner "local-exec" {
    when       = destroy
    on_failure = continue
    command    = "echo \${self.id} gone"
  }
}
`;

test('provisioner and connection blocks are lists of objects, the provisioner type under `type`', () => {
  const r = analyze({ 'main.tf': TEXT });
  const config = r.model.resources[0].config;
  assert.deepEqual(config.connection, [{ type: 'ssh', host: { $unknown: 'self.public_ip' } }]);
  assert.deepEqual(config.provisioner, [
    { type: 'remote-exec', inline: ['echo export AWS_SECRET_ACCESS_KEY=abc >> ~/.bashrc'] },
    { type: 'local-exec', when: 'destroy', on_failure: 'continue', command: { $unknown: '"echo ${self.id} gone"' } },
  ]);
  assert.deepEqual(r.diagnostics, []);
  // Nothing in a provisioner is a reference other resources depend on.
  assert.deepEqual(r.model.resources[0].references, []);
});

test('provisioner blocks are in the source map: the block header, its type label and each element', () => {
  const r = analyze({ 'main.tf': TEXT });
  const node = r.sourceMaps.get('aws_instance.web')!.fields!.provisioner!;
  const text = (range: { start: number; end: number }) => TEXT.slice(range.start, range.end);
  assert.equal(text(node.items![0].nameRange!), 'provisioner "remote-exec"');
  assert.equal(text(node.items![0].fields!.type.valueRange!), '"remote-exec"');
  assert.equal(text(node.items![0].fields!.inline.items![0].valueRange!), '"echo export AWS_SECRET_ACCESS_KEY=abc >> ~/.bashrc"');
  assert.equal(text(node.items![1].fields!.when.valueRange!), 'destroy');
});
