// A .tf file on the command line: its findings only, evaluated in its module (the directory's
// other files are context), and on its own when the directory cannot be one module with it (a
// folder of independent examples declaring the same resource twice). `palisade fix` the same.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, json, scan, scratch } from './scan-run';

const openGroup = (name: string, cidr: string) =>
  `resource "aws_security_group" "${name}" {\n  name        = "${name}"\n  description = "${name}"\n  ingress {\n    description = "SSH"\n    from_port   = 22\n    to_port     = 22\n    protocol    = "tcp"\n    cidr_blocks = [${cidr}]\n  }\n}\n`;

const vpc001 = (args: string[], cwd: string) => {
  const run = scan([...args, '--format', 'json', '--rule', 'PAL-AWS-VPC-001'], cwd);
  const report = json(run);
  return { code: run.code, report, places: report.findings.map((f) => `${f.location.file}:${f.location.startLine}`) };
};

test('a named file reports its own findings, evaluated with the rest of its module', () => {
  const tree = scratch(false);
  try {
    writeFileSync(join(tree.dir, 'main.tf'), openGroup('app', 'var.ssh_cidr'));
    writeFileSync(join(tree.dir, 'variables.tf'), 'variable "ssh_cidr" {\n  default = "0.0.0.0/0"\n}\n');
    writeFileSync(join(tree.dir, 'other.tf'), openGroup('bastion', '"0.0.0.0/0"'));

    // The variable's default lives in variables.tf: the module is the context.
    const main = vpc001(['main.tf', '--no-fixes'], tree.dir);
    assert.deepEqual(main.places, ['main.tf:9']);
    assert.equal(main.code, 1);
    assert.equal(main.report.summary.files, 1);

    assert.deepEqual(vpc001(['other.tf', '--no-fixes'], tree.dir).places, ['other.tf:9']);
    assert.deepEqual(vpc001(['main.tf', 'other.tf', '--no-fixes'], tree.dir).places.sort(), ['main.tf:9', 'other.tf:9']);
    // A directory (or the file and its directory) is the whole unit.
    assert.deepEqual(vpc001(['.', '--no-fixes'], tree.dir).places.sort(), ['main.tf:9', 'other.tf:9']);
    assert.deepEqual(vpc001(['other.tf', '.', '--no-fixes'], tree.dir).places.sort(), ['main.tf:9', 'other.tf:9']);
    // --jobs gives the same answer (settings cross to the workers).
    assert.deepEqual(vpc001(['main.tf', '--no-fixes', '--jobs', '2'], tree.dir).places, ['main.tf:9']);
  } finally {
    tree.done();
  }
});

test('a folder of independent examples: each named file is scanned on its own', () => {
  const tree = scratch(false);
  try {
    // Both declare aws_security_group.example: Terraform would refuse the folder as one module.
    writeFileSync(join(tree.dir, '1-good.tf'), openGroup('example', '"10.1.0.0/24"'));
    writeFileSync(join(tree.dir, '2-bad.tf'), openGroup('example', '"0.0.0.0/0"'));

    const good = vpc001(['1-good.tf', '--no-fixes'], tree.dir);
    assert.deepEqual(good.places, []);
    assert.equal(good.code, 0);
    assert.deepEqual(good.report.diagnostics.filter((d) => d.code === 'tf-duplicate'), []);

    // The later file's resource is not lost as the duplicate.
    const bad = vpc001(['2-bad.tf'], tree.dir);
    assert.deepEqual(bad.places, ['2-bad.tf:9']);
    assert.equal(bad.report.findings[0].fixable, true, 'the fix is verified against the file on its own');

    // Scanned as a directory it is still one (broken) module, and says so.
    const whole = vpc001(['.', '--no-fixes'], tree.dir);
    assert.ok(whole.report.diagnostics.some((d) => d.code === 'tf-duplicate'));

    // palisade fix: the same scope — only the named file is looked at and edited.
    const volume = (encrypted: boolean) => `resource "aws_ebs_volume" "data" {\n  availability_zone = "eu-west-1a"\n  size              = 10\n  encrypted         = ${encrypted}\n}\n`;
    writeFileSync(join(tree.dir, '1-good.tf'), volume(false));
    writeFileSync(join(tree.dir, '2-bad.tf'), volume(false));
    const fix = spawnSync(process.execPath, [BIN, 'fix', '2-bad.tf', '--rule', 'PAL-AWS-EC2-004'], { cwd: tree.dir, encoding: 'utf8' });
    assert.equal(fix.status, 0, fix.stderr);
    assert.match(fix.stdout, /^fixed 1 finding in 1 file, 0 not fixable$/m);
    assert.equal(readFileSync(join(tree.dir, '2-bad.tf'), 'utf8'), volume(true));
    assert.equal(readFileSync(join(tree.dir, '1-good.tf'), 'utf8'), volume(false), 'a file not named is not touched');
  } finally {
    tree.done();
  }
});
