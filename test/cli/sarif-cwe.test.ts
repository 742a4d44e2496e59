// SARIF rule descriptors carry a rule's CWEs as GitHub's `external/cwe/cwe-<n>` tags (issue 6).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatSarif } from '../../server/src/cli/output/sarif';
import type { ScanReport } from '../../server/src/cli/scan-report';
import type { RuleMetadata } from '../../server/src/policy';

function rule(id: string, extra: Partial<RuleMetadata>): RuleMetadata {
  return {
    id, packagePath: `p.${id.toLowerCase().replace(/-/g, '_')}`, file: 'x.rego', title: id, description: '', severity: 'high',
    formats: ['terraform'], resourceTypes: [], frameworks: {}, references: {}, cwe: [], fixable: false, allowUnknown: false,
    docsUrl: `https://palisade.dev/rules/${id}`, links: [], ...extra,
  };
}

function report(rules: RuleMetadata[]): ScanReport {
  return {
    tool: { name: 'palisade', version: '0.0.0', informationUri: 'https://palisade.dev' }, rules, findings: [], diagnostics: [],
    units: 0, files: 0, fixesVerified: false, known: [], evaluated: [], timing: { totalMs: 0, frontEndMs: 0, policyMs: 0, fixMs: 0 },
  };
}

test('sarif: a rule with CWEs gets external/cwe tags and a cwe property; one without gets none', () => {
  const log = JSON.parse(formatSarif(report([
    rule('T-1', { cwe: ['CWE-311', 'CWE-319'], frameworks: { 'cis-aws-2.0': ['2.1.1'] } }),
    rule('T-2', {}),
  ]), '/tmp'));
  const [tagged, plain] = log.runs[0].tool.driver.rules;
  assert.deepEqual(tagged.properties.tags, ['security', 'terraform', 'cis-aws-2.0', 'external/cwe/cwe-311', 'external/cwe/cwe-319']);
  assert.deepEqual(tagged.properties.cwe, ['CWE-311', 'CWE-319']);
  assert.deepEqual(plain.properties.tags, ['security', 'terraform']);
  assert.equal(plain.properties.cwe, undefined);
});
