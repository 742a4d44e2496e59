// What `palisade scan` looks at and what it shows: the directory walk (hidden folders,
// .terraform/, config excludes, .gitignore), --rule/--skip-rule/--severity, --config, --fail-on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { json, scan, scratch, TREE } from './scan-run';

const files = (r: ReturnType<typeof json>) => [...new Set(r.findings.map((f) => f.location.file))].sort();

test('.gitignore files are respected: ignored directories and files are not scanned', () => {
  const tree = scratch();
  try {
    // Also a negation: `*.generated.tf` ignored except keep.generated.tf.
    writeFileSync(join(tree.dir, '.gitignore'), '# build output\nnetwork/\n*.generated.tf\n!keep.generated.tf\n');
    const generated = 'resource "aws_security_group" "gen" {\n  name        = "gen"\n  description = "generated"\n  egress {\n    description = "all"\n    from_port   = 0\n    to_port     = 0\n    protocol    = "-1"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n';
    writeFileSync(join(tree.dir, 'app', 'sg.generated.tf'), generated);
    writeFileSync(join(tree.dir, 'app', 'keep.generated.tf'), generated.replace(/gen/g, 'kept'));
    mkdirSync(join(tree.dir, 'app', 'nested'));
    writeFileSync(join(tree.dir, 'app', 'nested', '.gitignore'), '*.tf\n');
    writeFileSync(join(tree.dir, 'app', 'nested', 'main.tf'), generated.replace(/gen/g, 'nested'));

    const seen = files(json(scan(['.', '--format', 'json', '--no-fixes', '--jobs', '1'], tree.dir)));
    assert.deepEqual(seen, ['app/keep.generated.tf', 'app/main.tf', 'modules/bucket/main.tf']);

    const all = files(json(scan(['.', '--format', 'json', '--no-fixes', '--no-gitignore', '--jobs', '1'], tree.dir)));
    assert.deepEqual(all, ['app/keep.generated.tf', 'app/main.tf', 'app/nested/main.tf', 'app/sg.generated.tf', 'modules/bucket/main.tf', 'network/main.tf']);

    // A path named on the command line is scanned even when it is ignored.
    const named = files(json(scan(['network', '--format', 'json', '--no-fixes'], tree.dir)));
    assert.deepEqual(named, ['network/main.tf']);
  } finally {
    tree.done();
  }
});

test('--rule, --skip-rule and --severity filter what runs and what is shown', () => {
  const only = json(scan([TREE, '--format', 'json', '--no-fixes', '--jobs', '1', '--rule', 'PAL-AWS-VPC-*']));
  assert.ok(only.findings.length >= 2);
  assert.ok(only.findings.every((f) => f.ruleId.startsWith('PAL-AWS-VPC-')), JSON.stringify(only.findings.map((f) => f.ruleId)));

  const skipped = json(scan([TREE, '--format', 'json', '--no-fixes', '--jobs', '1', '--skip-rule', 'PAL-AWS-VPC-001', '--skip-rule', 'pal-aws-iam-*']));
  assert.ok(skipped.findings.length > 0);
  assert.ok(!skipped.findings.some((f) => f.ruleId === 'PAL-AWS-VPC-001' || f.ruleId.startsWith('PAL-AWS-IAM-')));

  const severe = scan([TREE, '--format', 'json', '--no-fixes', '--jobs', '1', '--severity', 'high']);
  const high = json(severe);
  assert.ok(high.findings.length > 0);
  assert.deepEqual([...new Set(high.findings.map((f) => f.severity))], ['high']);

  const unknown = scan([TREE, '--rule', 'PAL-NOPE-*', '--no-fixes']);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /no rule matches 'PAL-NOPE-\*'/);
});

test('--config replaces the nearest .palisade.yaml for every unit', () => {
  const tree = scratch();
  try {
    writeFileSync(join(tree.dir, 'strict.yaml'), 'rules:\n  PAL-AWS-VPC-001: {enabled: false}\n  PAL-AWS-VPC-005: {severity: critical}\n');
    const r = scan(['.', '--format', 'json', '--no-fixes', '--jobs', '1', '--config', 'strict.yaml'], tree.dir);
    const report = json(r);
    assert.ok(!report.findings.some((f) => f.ruleId === 'PAL-AWS-VPC-001'));
    assert.deepEqual(report.findings.filter((f) => f.ruleId === 'PAL-AWS-VPC-005').map((f) => f.severity), ['critical']);
    // The tree's own .palisade.yaml (which excludes excluded/) is not read any more.
    assert.equal(report.summary.units, 4);
    assert.equal(scan(['.', '--config', 'missing.yaml'], tree.dir).code, 2);
  } finally {
    tree.done();
  }
});

test('exit status: --fail-on picks the threshold; none never fails; usage errors are 2', () => {
  const network = join(TREE, 'network'); // low and info findings only
  assert.equal(scan([network, '--no-fixes']).code, 0);
  assert.equal(scan([network, '--no-fixes', '--fail-on', 'low']).code, 1);
  assert.equal(scan([TREE, '--no-fixes', '--fail-on', 'none', '--jobs', '1']).code, 0);
  for (const args of [['--jobs', '0', TREE], ['--severity', 'bad', TREE], [TREE, '--output', 'a', '--output-dir', 'b'], [TREE, '--baseline', 'no-such-file.json']]) {
    const r = scan(args);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, /usage: palisade scan/);
  }
});
