// The formatter never throws: damaged modules yield errors, everything else yields text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpus } from '../../helpers/corpora';
import { formatModule } from '../../../server/src/rego/format';

/** Small deterministic PRNG so failures reproduce. */
function prng(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
}

test('damaged corpus modules never make the formatter throw', (t) => {
  const dir = corpus('opa-fmt');
  if (!dir) {
    t.skip('PALISADE_SKIP_CORPORA=1');
    return;
  }
  const rnd = prng(7);
  const noise = '#{}[]()\n,;:="`x ';
  let formatted = 0;
  let rejected = 0;
  for (let i = 0; i < 300; i++) {
    const id = String(1 + Math.floor(rnd() * 1508)).padStart(4, '0');
    let text = readFileSync(join(dir, `${id}.messy.rego`), 'utf8');
    for (let k = 0; k < 2; k++) {
      const at = Math.floor(rnd() * text.length);
      text = rnd() < 0.5 ? text.slice(0, at) + text.slice(at + 1 + Math.floor(rnd() * 4)) : text.slice(0, at) + noise[Math.floor(rnd() * noise.length)] + text.slice(at);
    }
    const result = formatModule(text);
    if (result.formatted !== undefined) {
      assert.deepEqual(result.errors, []);
      formatted++;
    } else {
      assert.ok(result.errors.length > 0, `no output and no error for:\n${text}`);
      rejected++;
    }
  }
  // Both outcomes must actually occur, or the mutations are not exercising anything.
  assert.ok(formatted > 0 && rejected > 0, `formatted ${formatted}, rejected ${rejected}`);
});

test('comments in awkward places are kept and never crash', () => {
  const src = 'package a\n\np := [1, # one\n\t2, # two\n] # after\n\nq if { # open\n\tinput.x # why\n} # close\n';
  const result = formatModule(src);
  assert.deepEqual(result.errors, []);
  for (const c of ['# one', '# two', '# after', '# open', '# why', '# close']) assert.ok(result.formatted?.includes(c), c);
});
