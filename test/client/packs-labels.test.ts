// The Rule Packs view's row text: counts read "1 rule" / "N rules", never "1 rules".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { packDescription, packSummary } from '../../client/src/packs-labels';
import type { PackProblemRow, PackRow } from '../../server/src/shared/packs-messages';

function pack(ruleCount: number, extra: Partial<PackRow> = {}): PackRow {
  const ruleIds = Array.from({ length: ruleCount }, (_, i) => `TEAM-${String(i + 1).padStart(3, '0')}`);
  return { name: 'team-pack', kind: 'folder', source: '/ws/team-pack', signed: false, loaded: true, ruleIds, problems: [], ...extra };
}

function problem(severity: PackProblemRow['severity']): PackProblemRow {
  return { severity, message: `a ${severity}`, code: 'pack-test' };
}

test('the description counts one rule in the singular and other counts in the plural', () => {
  assert.equal(packDescription(pack(1)), '1 rule');
  assert.equal(packDescription(pack(0)), '0 rules');
  assert.equal(packDescription(pack(2)), '2 rules');
});

test('the description keeps version, signature and load state around the count', () => {
  assert.equal(packDescription(pack(1, { version: '1.2.0', signed: true })), '1.2.0 · 1 rule · signed');
  assert.equal(packDescription(pack(3, { head: '0123456789abcdef0123', loaded: false })), '0123456789ab · 3 rules · not loaded');
  assert.equal(packDescription(pack(3, { revision: 'r7', head: '0123456789abcdef' })), 'r7 · 3 rules', 'a revision wins over HEAD');
});

test('the tooltip summary counts rules, errors and warnings with the right number', () => {
  assert.equal(packSummary(pack(1)), '1 rule running; 0 errors, 0 warnings');
  assert.equal(packSummary(pack(1, { signed: true, problems: [problem('error'), problem('warning'), problem('warning'), problem('info')] })), '1 rule running, signature verified; 1 error, 2 warnings');
  assert.equal(packSummary(pack(5, { problems: [problem('error'), problem('error'), problem('warning')] })), '5 rules running; 2 errors, 1 warning');
});
