// `palisade report --format md` counts its nouns like the dashboard ("1 unit", "3 errors"), never "unit(s)".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatMarkdown } from '../../server/src/cli/report/markdown';
import { buildCompliance } from '../../server/src/report/compliance';
import type { ComplianceReport } from '../../server/src/shared/compliance';
import type { RuleMetadata } from '../../server/src/policy';

function report(scope: ComplianceReport['scope'], problems: number): ComplianceReport {
  const rule = { id: 'PAL-T-001', title: 't', description: '', severity: 'high', formats: ['terraform'], resourceTypes: ['aws_s3_bucket'], frameworks: {}, references: {}, fixable: false } as unknown as RuleMetadata;
  const built = buildCompliance({ tool: { name: 'palisade', version: '0.1.0', informationUri: 'https://palisade.dev' }, rules: [rule], findings: [], diagnostics: [], units: 1, files: 1, fixesVerified: false, evaluated: [] });
  return { ...built, scope, problems };
}

test('the scope line and the error warning read in the singular and the plural', () => {
  const one = formatMarkdown(report({ units: 1, files: 1, resources: 1, rules: 1 }, 1));
  assert.match(one, /Scope: 1 unit, 1 file, 1 resource evaluated by 1 rule\./);
  assert.match(one, /\*\*Warning:\*\* 1 error occurred while scanning/);
  const many = formatMarkdown(report({ units: 2, files: 3, resources: 14, rules: 163 }, 3));
  assert.match(many, /Scope: 2 units, 3 files, 14 resources evaluated by 163 rules\./);
  assert.match(many, /\*\*Warning:\*\* 3 errors occurred while scanning/);
  assert.doesNotMatch(one + many, /\(s\)/);
});
