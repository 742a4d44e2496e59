// No false positives on OPA's conformance cases (corpus opa-cases): every case there compiles in OPA,
// so `checkModules` must report nothing for its modules — except for features newer than the
// OPA v1.5.0 we mirror (keywords as ref parts, `array.flatten`), which v1.5.0 rejects too.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import { checkModules } from '../../../server/src/rego/check';
import { corpus } from '../../helpers/corpora';

const dir = corpus('opa-cases');
const NEWER_THAN_OPA_1_5 = ['keywordrefs/', 'array/flatten'];

test('opa-cases: no compile errors on modules OPA compiles', { skip: dir ? false : 'corpora not available (PALISADE_SKIP_CORPORA=1)' }, () => {
  const index = JSON.parse(readFileSync(join(dir as string, 'index.json'), 'utf8')) as { files: { file: string }[] };
  let checked = 0;
  const falsePositives: string[] = [];
  for (const f of index.files) {
    const doc = parse(readFileSync(join(dir as string, f.file), 'utf8')) as { cases?: { note: string; modules?: string[]; v0_compatible?: boolean }[] };
    for (const c of doc.cases ?? []) {
      if (!c.modules || NEWER_THAN_OPA_1_5.some((p) => c.note.startsWith(p))) continue;
      checked++;
      const sources = c.modules.map((text, i) => ({ file: `m${i}.rego`, text, regoVersion: c.v0_compatible ? ('v0' as const) : ('v1' as const) }));
      const errs = checkModules(sources);
      if (errs.length > 0) falsePositives.push(`${c.note}: ${errs[0].row}:${errs[0].col} ${errs[0].message}`);
    }
  }
  assert.ok(checked > 1400, `only ${checked} cases checked`);
  assert.deepEqual(falsePositives, []);
});
