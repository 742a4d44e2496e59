// CWE tags in rule metadata (issue 6): `custom.cwe` is read, normalised and exposed, and every
// CWE the built-in pack declares is well formed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { loadPack } from '../../server/src/policy';
import { cweIds } from '../../server/src/policy/metadata';
import { readPackFiles } from '../../server/src/workspace/policy-files';
import { REPO_ROOT } from '../helpers/corpora';
import { ruleModule } from './helpers';
import { renderRulePage } from '../../scripts/gen-rule-docs';

test('custom.cwe is read as a list of CWE-<n> ids, one value or many, duplicates and junk dropped', () => {
  const one = loadPack([{ path: 'a.rego', text: ruleModule({ id: 'T-1', pkg: 'p.a', body: 'deny contains "x" if { false }', extraCustom: 'cwe: CWE-311' }) }]);
  assert.deepEqual(one.rules[0].cwe, ['CWE-311']);
  const many = loadPack([{ path: 'b.rego', text: ruleModule({ id: 'T-2', pkg: 'p.b', body: 'deny contains "x" if { false }', extraCustom: 'cwe: ["CWE-311", cwe-319, 311, "not a cwe"]' }) }]);
  assert.deepEqual(many.rules[0].cwe, ['CWE-311', 'CWE-319']);
  const none = loadPack([{ path: 'c.rego', text: ruleModule({ id: 'T-3', pkg: 'p.c', body: 'deny contains "x" if { false }' }) }]);
  assert.deepEqual(none.rules[0].cwe, []);
});

test('cweIds normalises the spellings authors use', () => {
  assert.deepEqual(cweIds(['CWE-0732', 'cwe732', '1188']), ['CWE-732', 'CWE-1188']);
  assert.deepEqual(cweIds(undefined), []);
  assert.deepEqual(cweIds({ a: 1 }), []);
});

test('the built-in pack: rules declare CWEs, each a CWE-<n> id, and the known ones are where they belong', () => {
  const pack = loadPack(readPackFiles(resolve(REPO_ROOT, 'policies')), { name: 'builtin', check: false });
  const tagged = pack.rules.filter((r) => r.cwe.length > 0);
  assert.ok(tagged.length >= pack.rules.length / 2, `only ${tagged.length} of ${pack.rules.length} rules declare a CWE`);
  for (const r of tagged) for (const c of r.cwe) assert.match(c, /^CWE-[1-9]\d*$/, r.id);
  const byId = new Map(pack.rules.map((r) => [r.id, r.cwe]));
  assert.deepEqual(byId.get('PAL-AWS-S3-004'), ['CWE-311'], 'missing encryption at rest');
  assert.deepEqual(byId.get('PAL-AWS-S3-007'), ['CWE-319'], 'cleartext transport');
  assert.deepEqual(byId.get('PAL-AWS-EC2-006'), ['CWE-798'], 'hard-coded credentials');
  assert.deepEqual(byId.get('PAL-AWS-CLOUDWATCH-002'), ['CWE-778'], 'insufficient logging');
});

test('the generated rule page shows the CWEs with links to MITRE, or none', () => {
  const pack = loadPack(readPackFiles(resolve(REPO_ROOT, 'policies')), { name: 'builtin', check: false });
  const read = () => undefined;
  const msk = pack.rules.find((r) => r.id === 'PAL-AWS-MSK-002')!;
  assert.match(renderRulePage(msk, read), /\| \*\*CWE\*\* \| \[CWE-311\]\(https:\/\/cwe\.mitre\.org\/data\/definitions\/311\.html\), \[CWE-319\]\(https:\/\/cwe\.mitre\.org\/data\/definitions\/319\.html\) \|/);
  assert.match(renderRulePage({ ...msk, cwe: [] }, read), /\| \*\*CWE\*\* \| none \|/);
});
