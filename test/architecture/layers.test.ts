// Keeps the layering of shared/DESIGN.md true: imports only flow downwards, only surfaces do IO
// or know LSP, and the client holds no analysis logic.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { REPO_ROOT } from '../helpers/corpora';

type Layer = 'iac' | 'rego' | 'policy' | 'fix' | 'lint' | 'surface' | 'shared' | 'client';

/** Which layers each layer may import (itself included). */
const ALLOWED: Record<Layer, Layer[]> = {
  iac: ['iac'],
  rego: ['rego'],
  policy: ['policy', 'iac', 'rego'],
  fix: ['fix', 'policy', 'iac', 'rego'],
  lint: ['lint', 'rego'],
  shared: ['shared'],
  surface: ['surface', 'shared', 'fix', 'policy', 'iac', 'rego', 'lint'],
  client: ['client', 'shared'],
};

/** Modules that only surfaces may use: IO, processes and protocol libraries. */
const SURFACE_ONLY = [/^(node:)?fs(\/promises)?$/, /^(node:)?child_process$/, /^(node:)?net$/, /^(node:)?http$/, /^(node:)?https$/, /^vscode-languageserver/, /^vscode-jsonrpc/, /^vscode$/, /^vscode-languageclient/];

function layerOf(file: string): Layer {
  const rel = relative(REPO_ROOT, file).split('\\').join('/');
  if (rel.startsWith('client/')) return 'client';
  const m = /^server\/src\/([^/]+)/.exec(rel);
  if (!m) throw new Error(`not a source file: ${rel}`);
  const top = m[1];
  if (top === 'iac' || top === 'rego' || top === 'policy' || top === 'fix' || top === 'lint' || top === 'shared') return top;
  return 'surface';
}

function sources(dir: string, acc: string[] = []): string[] {
  let names: string[];
  try { names = readdirSync(dir); } catch { return acc; }
  for (const name of names) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) sources(p, acc);
    else if (name.endsWith('.ts')) acc.push(p);
  }
  return acc;
}

function importsOf(text: string): string[] {
  const out: string[] = [];
  const re = /(?:^|[^\w.])(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|(?:^|[^\w.])import\s*\(\s*['"]([^'"]+)['"]\s*\)|(?:^|[^\w.])require\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push(m[1] ?? m[2] ?? m[3] ?? m[4]);
  return out;
}

const files = [...sources(resolve(REPO_ROOT, 'server/src')), ...sources(resolve(REPO_ROOT, 'client/src'))];

test('source tree is not empty', () => {
  assert.ok(files.length > 10, `found only ${files.length} source files`);
});

test('imports only flow downwards between layers', () => {
  const violations: string[] = [];
  for (const file of files) {
    const from = layerOf(file);
    const text = readFileSync(file, 'utf8');
    for (const spec of importsOf(text)) {
      if (spec.startsWith('.')) {
        const target = resolve(dirname(file), spec);
        const rel = relative(REPO_ROOT, target).split('\\').join('/');
        if (!rel.startsWith('server/src/') && !rel.startsWith('client/src/')) {
          if (rel !== 'package.json' && from !== 'surface') violations.push(`${relative(REPO_ROOT, file)} imports ${spec} (outside the source tree)`);
          continue;
        }
        const to = layerOf(target);
        if (!ALLOWED[from].includes(to)) violations.push(`${relative(REPO_ROOT, file)} (${from}) imports ${spec} (${to})`);
      } else if (from !== 'surface' && from !== 'client' && SURFACE_ONLY.some((re) => re.test(spec))) {
        violations.push(`${relative(REPO_ROOT, file)} (${from}) imports ${spec}, which only surfaces may use`);
      }
    }
  }
  assert.deepEqual(violations, []);
});

/** Each layer's public API: another layer may import only these files of it. */
const DOORS: Partial<Record<Layer, string[]>> = {
  iac: ['server/src/iac/model', 'server/src/iac/terraform/index', 'server/src/iac/tfplan/index', 'server/src/iac/documents/index'],
  rego: ['server/src/rego/index'],
  policy: ['server/src/policy/index'],
  lint: ['server/src/lint/index'],
  fix: ['server/src/fix/index'],
};

function doorOf(target: string): string {
  const rel = relative(REPO_ROOT, target).split('\\').join('/').replace(/\.(ts|js)$/, '');
  try {
    if (statSync(resolve(REPO_ROOT, rel)).isDirectory()) return `${rel}/index`;
  } catch {
    // a file path without extension: not a directory
  }
  return rel;
}

test('layers are entered through their door (index.ts or the model contract)', () => {
  const violations: string[] = [];
  for (const file of files) {
    const from = layerOf(file);
    for (const spec of importsOf(readFileSync(file, 'utf8'))) {
      if (!spec.startsWith('.')) continue;
      const target = resolve(dirname(file), spec);
      const rel = relative(REPO_ROOT, target).split('\\').join('/');
      if (!rel.startsWith('server/src/')) continue;
      const to = layerOf(target);
      const doors = DOORS[to];
      if (to === from || !doors) continue;
      if (!doors.includes(doorOf(target))) violations.push(`${relative(REPO_ROOT, file)} imports ${spec}, not through the ${to} layer's door`);
    }
  }
  assert.deepEqual(violations, []);
});

test('source files stay small (≤ 600 lines)', () => {
  const big = files
    .map((f) => ({ f: relative(REPO_ROOT, f), n: readFileSync(f, 'utf8').split('\n').length }))
    .filter((x) => x.n > 600)
    .map((x) => `${x.f}: ${x.n} lines`);
  assert.deepEqual(big, []);
});
