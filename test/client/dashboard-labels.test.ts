// The compliance dashboard's scope line (the same page as `palisade report --format html`) counts
// units, files, resources, rules and errors in the right number instead of "unit(s)".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { reportPage } from '../../client/src/dashboard-html';
import { buildCompliance } from '../../server/src/report/compliance';
import type { ComplianceReport } from '../../server/src/shared/compliance';
import type { RuleMetadata } from '../../server/src/policy';

const CONTEXT = { nonce: 'bm9uY2U=', cspSource: 'https://file+.vscode-resource.vscode-cdn.net' };

function report(scope: ComplianceReport['scope'], problems: number): ComplianceReport {
  const rule = { id: 'PAL-T-001', title: 't', description: '', severity: 'high', formats: ['terraform'], resourceTypes: ['aws_s3_bucket'], frameworks: {}, references: {}, fixable: false } as unknown as RuleMetadata;
  const built = buildCompliance({ tool: { name: 'palisade', version: '0.1.0', informationUri: 'https://palisade.dev' }, rules: [rule], findings: [], diagnostics: [], units: 1, files: 1, fixesVerified: false, evaluated: [] });
  return { ...built, scope, problems };
}

function scopeLine(r: ComplianceReport): string {
  const html = reportPage({ report: r, folderName: 'ws', durationMs: 5, updatedAt: new Date(0) }, CONTEXT);
  const m = /<p class="meta">([^<]*evaluated by[^<]*)<\/p>/.exec(html);
  assert.ok(m, 'the page has its scope line');
  return m[1];
}

test('one of each reads in the singular', () => {
  assert.match(scopeLine(report({ units: 1, files: 1, resources: 1, rules: 1 }, 0)), /^1 unit, 1 file, 1 resource evaluated by 1 rule · palisade 0\.1\.0$/);
});

test('other counts read in the plural', () => {
  assert.match(scopeLine(report({ units: 2, files: 0, resources: 14, rules: 163 }, 0)), /^2 units, 0 files, 14 resources evaluated by 163 rules · /);
});

test('the scan-error warning counts its errors in the right number', () => {
  const warning = (problems: number) => /<p class="warn">([^<]*)/.exec(reportPage({ report: report({ units: 1, files: 1, resources: 1, rules: 1 }, problems), folderName: 'ws', durationMs: 5, updatedAt: new Date(0) }, CONTEXT))?.[1];
  assert.equal(warning(0), undefined, 'no warning without errors');
  assert.match(warning(1) ?? '', /^1 error occurred while scanning;/);
  assert.match(warning(3) ?? '', /^3 errors occurred while scanning;/);
});
