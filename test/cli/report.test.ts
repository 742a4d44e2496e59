// End to end: `palisade report` spawned on fixture trees (test/fixtures/tfplan/**); figures are
// checked against hand counts and against `palisade scan --format json` of the same paths.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { REPO_ROOT } from '../helpers/corpora';

const BIN = resolve(REPO_ROOT, 'bin', 'palisade.js');
const REPORT_TREE = 'test/fixtures/tfplan/report';
const STATE = 'test/fixtures/tfplan/state/terraform.tfstate';
const WITH_SOURCE = 'test/fixtures/tfplan/with-source';

function palisade(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 180_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface Counts { evaluated: number; passing: number; failing: number; suppressed: number }
interface Compliance {
  scope: { units: number; files: number; resources: number; rules: number };
  overall: { evaluations: Counts; complianceRate: number | null };
  frameworks: { name: string; complianceRate: number | null; evaluations: Counts; controls: { id: string; rules: string[]; resources: Counts; evaluations: Counts; complianceRate: number | null }[] }[];
  findingsBySeverity: Record<string, number>;
  fixes: { method: string; findings: number; withAutomaticFix: number; share: number | null };
  findings: { ruleId: string; resource?: string; file: string; suppressed: boolean; fixable: boolean }[];
}

function report(paths: string[], extra: string[] = []): Compliance {
  const run = palisade(['report', ...paths, '--format', 'json', ...extra]);
  assert.equal(run.code, 0, run.stderr);
  return JSON.parse(run.stdout) as Compliance;
}

const control = (r: Compliance, framework: string, id: string) => r.frameworks.find((f) => f.name === framework)!.controls.find((c) => c.id === id)!;

test('json: per-control counts, suppressed apart, rate = passing / (passing + failing)', () => {
  const r = report([REPORT_TREE]);
  // Three security groups: open (fails PAL-AWS-VPC-001), accepted (suppressed with a reason), closed.
  const c52 = control(r, 'cis-aws-2.0', '5.2');
  assert.deepEqual(c52.rules, ['PAL-AWS-VPC-001', 'PAL-AWS-VPC-002']);
  assert.deepEqual(c52.resources, { evaluated: 3, passing: 1, failing: 1, suppressed: 1 });
  assert.deepEqual(c52.evaluations, { evaluated: 6, passing: 4, failing: 1, suppressed: 1 });
  assert.equal(c52.complianceRate, 0.8);
  assert.equal(control(r, 'cis-aws-2.0', '1.8').complianceRate, null, 'a control nothing was evaluated for has no rate');
  // Exactly the frameworks the pack's metadata declares, sorted.
  const pack = JSON.parse(palisade(['rules', '--json']).stdout) as { rules: { frameworks: Record<string, string[]> }[] };
  const declared = [...new Set(pack.rules.flatMap((x) => Object.keys(x.frameworks).filter((k) => x.frameworks[k].length > 0)))].sort();
  assert.ok(declared.includes('cis-aws-2.0'));
  assert.deepEqual(r.frameworks.map((f) => f.name), declared);

  // Against the scan of the same tree: failing evaluations = distinct unsuppressed (rule, resource) pairs.
  const scanned = palisade(['scan', REPORT_TREE, '--format', 'json', '--fail-on', 'none']);
  assert.equal(scanned.code, 0, scanned.stderr);
  const scan = JSON.parse(scanned.stdout) as { findings: { ruleId: string; resource?: string; suppressed?: unknown; severity: string }[]; summary: { fixable: number } };
  const open = scan.findings.filter((f) => !f.suppressed);
  assert.equal(r.overall.evaluations.failing, new Set(open.map((f) => `${f.ruleId} ${f.resource}`)).size);
  assert.equal(r.overall.evaluations.suppressed, scan.findings.length - open.length);
  const o = r.overall.evaluations;
  assert.equal(o.evaluated, o.passing + o.failing + o.suppressed);
  assert.ok(o.passing > 0);
  assert.equal(r.overall.complianceRate, o.passing / (o.passing + o.failing));
  assert.deepEqual(r.findingsBySeverity, { critical: 0, high: open.filter((f) => f.severity === 'high').length, medium: 0, low: 0, info: open.filter((f) => f.severity === 'info').length });
  assert.equal(r.findingsBySeverity.high, 1);
  assert.deepEqual(r.fixes, { method: 'verified', findings: open.length, withAutomaticFix: scan.summary.fixable, share: scan.summary.fixable / open.length });
  assert.equal(r.scope.resources, 3);
});

test('--no-fixes counts automatic fixes by the rules\' fixable flag', () => {
  const r = report([WITH_SOURCE], ['--no-fixes']);
  const rules = JSON.parse(palisade(['rules', '--json']).stdout) as { rules: { id: string; fixable: boolean }[] };
  const fixable = new Set(rules.rules.filter((x) => x.fixable).map((x) => x.id));
  const open = r.findings.filter((f) => !f.suppressed);
  assert.equal(r.fixes.method, 'rule-metadata');
  assert.equal(r.fixes.withAutomaticFix, open.filter((f) => fixable.has(f.ruleId)).length);
  assert.ok(r.fixes.withAutomaticFix > 0);
});

test('plan and state files are inputs; a plan beside its .tf source adds no duplicate', () => {
  const state = report([STATE]);
  assert.equal(state.scope.units, 1);
  assert.equal(state.scope.resources, 4);
  assert.ok(state.findings.some((f) => f.resource === 'aws_instance.worker[0]' && f.file === STATE));
  assert.deepEqual(control(state, 'cis-aws-2.0', '2.1.4').resources, { evaluated: 2, passing: 1, failing: 1, suppressed: 0 });

  const both = report([WITH_SOURCE]);
  const tfOnly = JSON.parse(palisade(['scan', WITH_SOURCE, '--format', 'json', '--fail-on', 'none']).stdout) as { findings: unknown[] };
  assert.equal(both.findings.length, tfOnly.findings.length);
  assert.ok(both.findings.every((f) => f.file.endsWith('.tf')), 'findings point back to the .tf source');
  assert.equal(both.scope.resources, 4);
  const plan = report([`${WITH_SOURCE}/plan.json`]);
  assert.deepEqual(plan.overall, both.overall, 'the plan alone gives the same figures as its configuration');
});

test('html: one well-formed self-contained page with inline SVG; md: the same figures', () => {
  const dir = mkdtempSync(join(tmpdir(), 'palisade-report-'));
  try {
    const out = join(dir, 'report.html');
    const run = palisade(['report', REPORT_TREE, STATE, '--format', 'html', '--output', out]);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, '');
    const html = readFileSync(out, 'utf8');
    assertWellFormed(html.replace(/^<!DOCTYPE html>\n/, ''));
    assert.doesNotMatch(html, /<script|<link|<img|<iframe|\bsrc=|\bhref=|url\(/i, 'no script and no external resource');
    assert.equal(html.match(/https?:\/\/[^\s"']+/g)?.filter((u) => u !== 'http://www.w3.org/2000/svg').length ?? 0, 0);
    assert.ok((html.match(/<svg /g) ?? []).length >= 3, 'charts are inline SVG');
    assert.match(html, /@media print/);
    const json = report([REPORT_TREE, STATE]);
    const rate = `${(Math.round(json.overall.complianceRate! * 1000) / 10).toFixed(1)}%`;
    assert.match(html, new RegExp(`<strong id="overall-rate">${rate.replace('.', '\\.')}</strong>`));
    const md = palisade(['report', REPORT_TREE, STATE]);
    assert.equal(md.code, 0, md.stderr);
    assert.match(md.stdout, new RegExp(`Policy compliance rate: \\*\\*${rate.replace('.', '\\.')}\\*\\*`));
    assert.match(md.stdout, /\| 5\.2 \| PAL-AWS-VPC-001, PAL-AWS-VPC-002 \| 3 \| 1 \| 1 \| 1 \| 80\.0% \|/);
    for (const f of json.frameworks) assert.match(md.stdout, new RegExp(`^### ${f.name.replace(/\./g, '\\.')}$`, 'm'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('usage errors exit 2', () => {
  assert.equal(palisade(['report']).code, 2);
  assert.equal(palisade(['report', REPORT_TREE, '--format', 'pdf']).code, 2);
  const missing = palisade(['report', 'test/fixtures/tfplan/no-such-dir']);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /not a \.tf file, a plan\/state file or a directory/);
  assert.equal(palisade(['report', '--help']).code, 0);
});

function assertWellFormed(xml: string): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const sax = require('sax') as { parser(strict: boolean): { onerror: (e: Error) => void; write(s: string): { close(): void } } };
  const parser = sax.parser(true);
  let error: Error | undefined;
  parser.onerror = (e) => {
    error ??= e;
  };
  parser.write(xml).close();
  assert.equal(error, undefined, String(error));
}
