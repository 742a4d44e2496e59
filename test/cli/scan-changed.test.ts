// `--changed-since REF`: only units holding files git reports as changed since REF, plus units
// with untracked files. Runs git in a throwaway repository.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { json, scan, scratch } from './scan-run';

function git(cwd: string, ...args: string[]): void {
  execFileSync('git', ['-c', 'user.name=palisade-test', '-c', 'user.email=test@palisade.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd, stdio: 'ignore' });
}

test('--changed-since scans only the units with changed or untracked files', () => {
  const repo = scratch();
  try {
    git(repo.dir, 'init', '-q');
    git(repo.dir, 'add', '-A');
    git(repo.dir, 'commit', '-q', '-m', 'base');
    const units = (r: ReturnType<typeof json>) => [...new Set(r.findings.map((f) => f.location.file.split('/')[0]))].sort();

    const none = scan(['.', '--format', 'json', '--no-fixes', '--changed-since', 'HEAD'], repo.dir);
    assert.equal(none.code, 0, none.stderr);
    assert.equal(json(none).summary.units, 0);

    appendFileSync(join(repo.dir, 'network', 'main.tf'), '\n# touched\n');
    mkdirSync(join(repo.dir, 'fresh'));
    writeFileSync(join(repo.dir, 'fresh', 'main.tf'), 'resource "aws_security_group" "x" {\n  name        = "x"\n  description = "x"\n  ingress {\n    description = "SSH"\n    from_port   = 22\n    to_port     = 22\n    protocol    = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n');
    const changed = json(scan(['.', '--format', 'json', '--no-fixes', '--changed-since', 'HEAD'], repo.dir));
    assert.equal(changed.summary.units, 2);
    assert.deepEqual(units(changed), ['fresh', 'network']);

    const bad = scan(['.', '--changed-since', 'no-such-ref'], repo.dir);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--changed-since no-such-ref/);
  } finally {
    repo.done();
  }
});
