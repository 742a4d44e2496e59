// The fixture harness of the built-in pack (docs/rules-authoring.md): every
// `policies/<provider>/<service>/fixtures/<rule>/invalid.tf` must produce that rule's findings at
// exactly the ranges its caret markers show, and every `valid.tf` none of that rule's findings.
// Each fixture is analysed as a unit on its own, through the scan entry point the surfaces use.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { loadPack, scanTerraformUnit, type Finding, type RulePack } from '../../server/src/policy';
import { readPackFiles } from '../../server/src/workspace/policy-files';
import { REPO_ROOT } from '../helpers/corpora';
import { MemoryHost } from './helpers';

const POLICIES = resolve(REPO_ROOT, 'policies');
const VALID_MARKER = '# palisade: no findings';

interface Marker {
  ruleId: string;
  start: number;
  end: number;
  line: number;
}

/** Caret markers: a comment whose carets sit under the range on the nearest code line above. */
export function parseMarkers(text: string): Marker[] {
  const lines = text.split('\n');
  const starts: number[] = [];
  let offset = 0;
  for (const l of lines) {
    starts.push(offset);
    offset += l.length + 1;
  }
  const markers: Marker[] = [];
  let target = -1;
  for (let i = 0; i < lines.length; i++) {
    const m = /^(\s*)#(\s*)(\^+)\s+(\S+)\s*$/.exec(lines[i].replace(/\r$/, ''));
    if (!m) {
      target = i;
      continue;
    }
    if (target < 0) continue;
    // `#^^^` — the `#` itself is the first caret (a range starting in column 0).
    const glued = m[2] === '';
    const column = glued ? m[1].length : m[1].length + 1 + m[2].length;
    const length = glued ? m[3].length + 1 : m[3].length;
    markers.push({ ruleId: m[4], start: starts[target] + column, end: starts[target] + column + length, line: target + 1 });
  }
  return markers;
}

/** A finding's range as a marker can show it: a value spanning lines is marked on its first line. */
function markable(text: string, f: Finding): { start: number; end: number } {
  const newline = text.indexOf('\n', f.range.start);
  if (newline < 0 || newline >= f.range.end) return { start: f.range.start, end: f.range.end };
  let end = newline;
  while (end > f.range.start && /\s/.test(text[end - 1])) end--;
  return { start: f.range.start, end };
}

function fixtureFiles(dir: string, acc: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) fixtureFiles(p, acc);
    else if ((name === 'invalid.tf' || name === 'valid.tf') && /\/fixtures\/[^/]+\/[^/]+$/.test(p.split('\\').join('/'))) acc.push(p);
  }
  return acc;
}

let packCache: RulePack | undefined;
function builtinPack(): RulePack {
  packCache ??= loadPack(readPackFiles(POLICIES), { name: 'builtin' });
  return packCache;
}

async function scanFixture(text: string): Promise<{ findings: Finding[]; errors: string[] }> {
  const host = new MemoryHost({ '/fixture/unit/main.tf': text });
  const scan = await scanTerraformUnit(host, { dir: '/fixture/unit', root: '/fixture', pack: builtinPack() });
  const errors = scan.analysis.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code}: ${d.message}`);
  return { findings: scan.findings.filter((f) => !f.suppressed), errors };
}

const files = fixtureFiles(POLICIES);

test('the built-in pack passes the compile checks, loads without diagnostics and has fixtures', () => {
  // The surfaces load the built-in pack without the (slow) compile checks; this is what allows it.
  assert.deepEqual(builtinPack().diagnostics, []);
  assert.ok(builtinPack().rules.length > 0);
  assert.ok(files.length > 0, 'no fixtures found under policies/');
});

for (const file of files) {
  const rel = relative(POLICIES, file).split('\\').join('/');
  const parts = rel.split('/');
  const ruleName = parts[parts.length - 2];
  const pkg = ['palisade', ...parts.slice(0, parts.length - 3), ruleName].join('.');
  test(`fixture ${rel}`, async () => {
    const rule = builtinPack().rules.find((r) => r.packagePath === pkg);
    assert.ok(rule, `no loaded rule has package ${pkg}`);
    const text = readFileSync(file, 'utf8');
    const { findings, errors } = await scanFixture(text);
    assert.deepEqual(errors, [], 'fixtures carry no Terraform errors');
    const mine = findings.filter((f) => f.ruleId === rule.id);
    if (file.endsWith('valid.tf') && !file.endsWith('invalid.tf')) {
      assert.ok(text.startsWith(VALID_MARKER), `valid.tf must start with '${VALID_MARKER}'`);
      assert.deepEqual(mine.map((f) => `${f.message} @${f.range.start}`), [], `${rule.id} must not fire on valid.tf`);
      return;
    }
    const markers = parseMarkers(text).filter((m) => m.ruleId === rule.id);
    assert.ok(markers.length > 0, `invalid.tf has no ${rule.id} marker`);
    const show = (r: { start: number; end: number }) => {
      const before = text.slice(0, r.start);
      const line = before.split('\n').length;
      const col = r.start - before.lastIndexOf('\n');
      return `${line}:${col} ${JSON.stringify(text.slice(r.start, r.end))}`;
    };
    const expected = markers.map(show).sort();
    const actual = mine.map((f) => show(markable(text, f))).sort();
    assert.deepEqual(actual, expected, `${rule.id} findings vs caret markers in ${rel}`);
  });
}

test('caret markers: columns, the glued `#^` form and stacked markers', () => {
  const text = 'resource "a" "b" {\n#^^^^^^^ X-1\n  k = "v"\n  #   ^^^ X-2\n  #   ^ X-3\n}\n';
  const marks = parseMarkers(text).map((m) => [m.ruleId, text.slice(m.start, m.end), m.line]);
  assert.deepEqual(marks, [['X-1', 'resource', 1], ['X-2', '"v"', 3], ['X-3', '"', 3]]);
});
