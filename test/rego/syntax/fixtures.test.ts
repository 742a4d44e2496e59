// Checked-in tree dumps for test/fixtures/rego-syntax/{ok,err}/*.rego (`*.v0.rego` are Rego v0).
// ok/ files must parse without errors; err/ files must report some. Each `.rego` has a `.tree`
// beside it: the module dump, then every error with its position. Refresh with UPDATE_EXPECT=1.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../helpers/corpora';
import { parseModule, type Module } from '../../../server/src/rego/syntax';
import { dumpModule } from './dump';

const root = join(REPO_ROOT, 'test', 'fixtures', 'rego-syntax');
const update = process.env.UPDATE_EXPECT === '1';

function render(text: string, v0: boolean): { dump: string; errorCount: number; module?: Module } {
  const r = parseModule(text, { regoVersion: v0 ? 'v0' : 'v1' });
  const lines = [r.module ? dumpModule(r.module) : '(no module)', '', '-- errors'];
  for (const e of r.errors) {
    const recovered = (e.details as { recovered?: boolean } | undefined)?.recovered ? ' [recovered]' : '';
    lines.push(`${e.row}:${e.col} ${e.message}${recovered}`);
  }
  return { dump: lines.join('\n') + '\n', errorCount: r.errors.length, module: r.module };
}

/** Every node's range lies inside the text and starts before it ends. */
function checkRanges(m: Module, length: number): void {
  const seen = new Set<object>();
  const visit = (x: unknown): void => {
    if (!x || typeof x !== 'object' || seen.has(x)) return;
    seen.add(x);
    const loc = (x as { loc?: { start: number; end: number } }).loc;
    if (loc) assert.ok(loc.start >= 0 && loc.start <= loc.end && loc.end <= length, `bad range ${JSON.stringify(loc)} on ${JSON.stringify(x).slice(0, 80)}`);
    for (const v of Object.values(x)) visit(v);
  };
  visit(m);
}

for (const kind of ['ok', 'err'] as const) {
  const dir = join(root, kind);
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.rego')).sort()) {
    test(`rego-syntax ${kind}/${name}`, () => {
      const text = readFileSync(join(dir, name), 'utf8');
      const { dump, errorCount, module } = render(text, name.endsWith('.v0.rego'));
      if (kind === 'ok') assert.equal(errorCount, 0, dump);
      else assert.ok(errorCount > 0, 'err fixture parsed without errors');
      if (module) checkRanges(module, text.length);
      const expectFile = join(dir, name.replace(/\.rego$/, '.tree'));
      if (update || !existsSync(expectFile)) {
        writeFileSync(expectFile, dump);
        if (!update) assert.fail(`wrote missing ${expectFile}; review and commit it`);
      }
      assert.equal(dump, readFileSync(expectFile, 'utf8'));
    });
  }
}
