// `palisade scan` reads Terraform's JSON syntax: `.tf.json` files by name and other `.json` files
// holding Terraform configuration by content (CDKTF output), with findings on the JSON line of the
// attribute and fixes written as JSON; `palisade inspect` takes a `.tf.json` file too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, json, scan, scratch } from './scan-run';

const STACK = `{
  "//": { "metadata": { "stackName": "app", "version": "0.20.0" } },
  "provider": { "aws": [ { "region": "us-east-1" } ] },
  "resource": {
    "aws_instance": {
      "web": {
        "ami": "ami-0123456789abcdef0",
        "instance_type": "t3.micro",
        "monitoring": false
      }
    }
  }
}
`;

test('scan finds problems in .tf.json files and in .json files that hold Terraform configuration', () => {
  const tree = scratch(false);
  try {
    mkdirSync(join(tree.dir, 'app'));
    writeFileSync(join(tree.dir, 'app', 'main.tf.json'), STACK);
    mkdirSync(join(tree.dir, 'cdktf'));
    writeFileSync(join(tree.dir, 'cdktf', 'stack.json'), STACK);
    // Not configuration: neither read as a unit nor reported.
    writeFileSync(join(tree.dir, 'cdktf', 'package.json'), '{ "name": "app", "version": "1.0.0" }\n');
    const report = json(scan(['.', '--format', 'json', '--no-fixes', '--jobs', '1', '--rule', 'PAL-AWS-EC2-005'], tree.dir));
    const hits = report.findings.map((f) => [f.location.file, f.location.startLine, f.location.startColumn, f.resource]).sort();
    assert.deepEqual(hits, [
      ['app/main.tf.json', 9, 23, 'aws_instance.web'],
      ['cdktf/stack.json', 9, 23, 'aws_instance.web'],
    ]);
    assert.equal(report.summary.units, 2);

    // Naming the file names its module.
    const named = json(scan(['cdktf/stack.json', '--format', 'json', '--no-fixes', '--rule', 'PAL-AWS-EC2-005'], tree.dir));
    assert.deepEqual(named.findings.map((f) => f.location.file), ['cdktf/stack.json']);
  } finally {
    tree.done();
  }
});

test('scan offers the fix as a JSON edit, and a broken .tf.json is a diagnostic on its line', () => {
  const tree = scratch(false);
  try {
    writeFileSync(join(tree.dir, 'main.tf.json'), STACK);
    const report = json(scan(['.', '--format', 'json', '--jobs', '1', '--rule', 'PAL-AWS-EC2-005'], tree.dir));
    const finding = report.findings.find((f) => f.ruleId === 'PAL-AWS-EC2-005');
    assert.ok(finding?.fixes && finding.fixes.length > 0, JSON.stringify(finding));
    assert.deepEqual(finding.fixes[0].edits.map((e) => [e.file, e.startLine, e.newText]), [['main.tf.json', 9, 'true']]);

    writeFileSync(join(tree.dir, 'main.tf.json'), STACK.replace('"t3.micro",', '"t3.micro"'));
    const broken = json(scan(['.', '--format', 'json', '--no-fixes', '--jobs', '1'], tree.dir));
    const syntax = broken.diagnostics.find((d) => d.file === 'main.tf.json' && d.severity === 'error') as { code: string; line?: number; column?: number } | undefined;
    assert.ok(syntax, JSON.stringify(broken.diagnostics));
    // Where the comma is missing: before "monitoring".
    assert.deepEqual([syntax.code, syntax.line, syntax.column], ['json-syntax', 9, 9]);
  } finally {
    tree.done();
  }
});

test('inspect takes a .tf.json file as naming its module', () => {
  const tree = scratch(false);
  try {
    writeFileSync(join(tree.dir, 'main.tf.json'), STACK);
    const r = spawnSync(process.execPath, [BIN, 'inspect', 'main.tf.json', '--json'], { cwd: tree.dir, encoding: 'utf8', timeout: 120_000 });
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout) as { units: { files: string[]; resources: { address: string; config: Record<string, unknown> }[] }[] };
    assert.deepEqual(out.units.map((u) => u.files), [['main.tf.json']]);
    assert.deepEqual(out.units[0].resources.map((x) => [x.address, x.config.monitoring]), [['aws_instance.web', false]]);
  } finally {
    tree.done();
  }
});
