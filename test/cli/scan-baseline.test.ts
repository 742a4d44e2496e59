// `--baseline`: findings are matched by rule + resource + fingerprint, not by line, so moving code
// does not make a finding new; a new problem is exactly one new finding. JSON and SARIF baselines.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { json, scan, scratch } from './scan-run';

test('moving code is not new; a new problem is exactly one new finding (JSON and SARIF baselines)', () => {
  const tree = scratch();
  try {
    const args = ['app', 'network', '--no-fixes', '--jobs', '1'];
    const before = scan([...args, '--format', 'json,sarif', '--output-dir', 'reports'], tree.dir);
    assert.equal(before.code, 1, before.stderr);
    const baseline = JSON.parse(readFileSync(join(tree.dir, 'reports', 'palisade.json'), 'utf8')) as ReturnType<typeof json>;
    assert.ok(baseline.findings.length >= 4);

    // Move everything down: a comment block on top, and the resources in reverse order.
    const main = join(tree.dir, 'app', 'main.tf');
    const text = readFileSync(main, 'utf8');
    const blocks = text.split(/\n(?=resource |module )/);
    writeFileSync(main, `# Application stack\n# (reordered)\n\n${blocks.reverse().join('\n\n')}\n`);
    const moved = json(scan([...args, '--format', 'json'], tree.dir));
    assert.ok(moved.findings.some((f) => f.location.startLine !== baseline.findings.find((b) => b.fingerprint === f.fingerprint)?.location.startLine), 'lines did change');
    for (const base of ['reports/palisade.json', 'reports/palisade.sarif']) {
      const r = scan([...args, '--format', 'json', '--baseline', base], tree.dir);
      assert.equal(r.code, 0, `${base}: ${r.stdout}`);
      const report = json(r);
      assert.deepEqual(report.findings, [], base);
      assert.equal(report.summary.baseline?.known, baseline.findings.length);
    }

    // One new problem: SSH open to the world added to the existing security group (which also
    // pushes that group's own finding down a few lines).
    const network = join(tree.dir, 'network', 'main.tf');
    const ingress = '  ingress {\n    description = "SSH"\n    from_port   = 22\n    to_port     = 22\n    protocol    = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n\n';
    writeFileSync(network, readFileSync(network, 'utf8').replace('  egress {', `${ingress}  egress {`));
    for (const base of ['reports/palisade.json', 'reports/palisade.sarif']) {
      const r = scan([...args, '--format', 'json', '--baseline', base], tree.dir);
      const fresh = json(r).findings;
      assert.deepEqual(fresh.map((f) => [f.ruleId, f.resource, f.location.file, f.location.startLine]), [['PAL-AWS-VPC-001', 'aws_security_group.egress', 'network/main.tf', 10]], base);
      assert.equal(r.code, 1);
    }
    const text2 = scan([...args, '--baseline', 'reports/palisade.json'], tree.dir);
    assert.match(text2.stdout, /1 finding \(1 high\), \d+ known in baseline;/);
  } finally {
    tree.done();
  }
});

test('a baseline that is not a palisade report is a usage error', () => {
  const tree = scratch(false);
  try {
    writeFileSync(join(tree.dir, 'bad.json'), '{"results": []}');
    writeFileSync(join(tree.dir, 'main.tf'), '');
    const r = scan(['.', '--baseline', 'bad.json'], tree.dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /neither a palisade JSON report/);
  } finally {
    tree.done();
  }
});
