// The pre-commit integration run for real: pre-commit (Debian's `pre-commit` package) installs
// this repository's hook in a throwaway git repository, `git commit` is blocked by a high finding
// and goes through once the finding is fixed. Offline: the hook repository is a local "release"
// clone of this checkout with the built CLI committed (what a tagged release would ship), standing
// in for the GitHub URL of docs/ci.md; the docs' `repo: local` variant runs against this checkout.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { REPO_ROOT } from '../helpers/corpora';

const OPEN_SSH = `resource "aws_security_group" "ssh" {
  description = "ssh"

  ingress {
    description = "ssh"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
`;
const CLOSED_SSH = OPEN_SSH.replace('"0.0.0.0/0"', '"10.0.0.0/8"');

const preCommit = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' });
// .ci/run installs it; a machine without it fails these tests loudly, as the Neovim and
// code-server suites do, rather than skipping them.
function requirePreCommit(): void {
  assert.equal(preCommit.status, 0, 'pre-commit is not installed: apt-get install -y pre-commit');
}

const GIT_ENV = {
  GIT_AUTHOR_NAME: 'Palisade Test',
  GIT_AUTHOR_EMAIL: 'test@palisade.invalid',
  GIT_COMMITTER_NAME: 'Palisade Test',
  GIT_COMMITTER_EMAIL: 'test@palisade.invalid',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
};

function run(cmd: string, args: string[], cwd: string, env: Record<string, string> = {}): SpawnSyncReturns<string> {
  return spawnSync(cmd, args, { cwd, encoding: 'utf8', timeout: 300_000, env: { ...process.env, ...GIT_ENV, NO_COLOR: '1', ...env } });
}

function ok(r: SpawnSyncReturns<string>, what: string): string {
  assert.equal(r.status, 0, `${what} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

function gitRepo(dir: string): void {
  mkdirSync(dir, { recursive: true });
  ok(run('git', ['init', '-q', '-b', 'main'], dir), 'git init');
}

/** A tagged git repository with what a Palisade release holds: the hook manifest and script, the CLI bundle, the rule pack. */
function releaseRepo(dir: string): void {
  assert.ok(existsSync(join(REPO_ROOT, 'dist', 'server.js')), 'dist/server.js is missing: run `npm run build` (npm test does)');
  gitRepo(dir);
  for (const path of ['.pre-commit-hooks.yaml', 'package.json', 'bin/palisade.js', 'scripts/pre-commit-scan.sh', 'dist/server.js', 'policies']) {
    cpSync(join(REPO_ROOT, path), join(dir, path), { recursive: true });
  }
  ok(run('git', ['add', '-A', '-f'], dir), 'git add');
  ok(run('git', ['commit', '-q', '-m', 'release'], dir), 'git commit');
  ok(run('git', ['tag', 'v0.1.0'], dir), 'git tag');
}

/** Commits main.tf in `project` through the installed hook; returns git's result. */
function commit(project: string, text: string, env: Record<string, string>): SpawnSyncReturns<string> {
  writeFileSync(join(project, 'main.tf'), text);
  ok(run('git', ['add', '-A'], project), 'git add');
  return run('git', ['commit', '-m', 'change main.tf'], project, env);
}

function commits(project: string): number {
  const r = run('git', ['rev-list', '--count', 'HEAD'], project);
  return r.status === 0 ? Number(r.stdout.trim()) : 0;
}

test('pre-commit: the manifest validates and the hook blocks a commit with a high finding until it is fixed', () => {
  requirePreCommit();
  const root = mkdtempSync(join(tmpdir(), 'palisade-pre-commit-'));
  const env = { PRE_COMMIT_HOME: join(root, 'cache') };
  try {
    ok(run('pre-commit', ['validate-manifest', resolve(REPO_ROOT, '.pre-commit-hooks.yaml')], REPO_ROOT, env), 'validate-manifest');
    const release = join(root, 'palisade');
    releaseRepo(release);

    const project = join(root, 'project');
    gitRepo(project);
    // The docs' configuration, with the local release clone for the GitHub URL.
    writeFileSync(join(project, '.pre-commit-config.yaml'), `repos:\n  - repo: ${release}\n    rev: v0.1.0\n    hooks:\n      - id: palisade-scan\n`);
    ok(run('pre-commit', ['validate-config'], project, env), 'validate-config');
    ok(run('pre-commit', ['install'], project, env), 'pre-commit install');

    const blocked = commit(project, OPEN_SSH, env);
    assert.notEqual(blocked.status, 0, `the commit should be blocked:\n${blocked.stdout}\n${blocked.stderr}`);
    const output = blocked.stdout + blocked.stderr;
    assert.match(output, /palisade scan\.+Failed/);
    assert.match(output, /PAL-AWS-VPC-001/);
    assert.match(output, /exit code: 1/);
    assert.equal(commits(project), 0);

    const passed = commit(project, CLOSED_SSH, env);
    ok(passed, 'the commit of the fixed file');
    assert.match(passed.stdout + passed.stderr, /palisade scan\.+Passed/);
    assert.equal(commits(project), 1);

    // A commit without Terraform files skips the hook (files: \.(tf|tfvars)$).
    writeFileSync(join(project, 'README.md'), 'docs\n');
    ok(run('git', ['add', 'README.md'], project), 'git add');
    const skipped = run('git', ['commit', '-m', 'docs'], project, env);
    ok(skipped, 'a commit without .tf files');
    assert.match(skipped.stdout + skipped.stderr, /palisade scan\.+\(no files to check\)Skipped/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('pre-commit: the `repo: local` hook of docs/ci.md, pointed at this checkout', () => {
  requirePreCommit();
  const doc = readFileSync(resolve(REPO_ROOT, 'docs', 'ci.md'), 'utf8');
  const block = [...doc.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]).find((b) => b.includes('repo: local'));
  assert.ok(block, 'docs/ci.md shows a `repo: local` pre-commit configuration');
  const config = parse(block) as { repos: { repo: string; hooks: { entry: string }[] }[] };
  const entry = config.repos[0].hooks[0].entry;
  assert.match(entry, /^node \/opt\/palisade\/bin\/palisade\.js scan /);
  // The one substitution: where Palisade is built on this machine.
  const text = block.replace('/opt/palisade/bin/palisade.js', resolve(REPO_ROOT, 'bin', 'palisade.js'));
  const root = mkdtempSync(join(tmpdir(), 'palisade-pre-commit-'));
  const env = { PRE_COMMIT_HOME: join(root, 'cache') };
  try {
    const project = join(root, 'project');
    gitRepo(project);
    writeFileSync(join(project, '.pre-commit-config.yaml'), text);
    ok(run('pre-commit', ['install'], project, env), 'pre-commit install');
    const blocked = commit(project, OPEN_SSH, env);
    assert.notEqual(blocked.status, 0, `the commit should be blocked:\n${blocked.stdout}\n${blocked.stderr}`);
    assert.match(blocked.stdout + blocked.stderr, /PAL-AWS-VPC-001/);
    ok(commit(project, CLOSED_SSH, env), 'the commit of the fixed file');
    assert.equal(commits(project), 1);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
