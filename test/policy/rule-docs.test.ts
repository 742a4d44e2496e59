// docs/rules is generated from the built-in pack's METADATA and fixtures: it must be up to date,
// one page per rule, nothing extra. Regenerate with `npx tsx scripts/gen-rule-docs.ts`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { REPO_ROOT } from '../helpers/corpora';
import type { RuleMetadata } from '../../server/src/policy';
import { AUTHORING_DOC, existingRuleDocs, expectedAuthoringDoc, expectedRuleDocs, loadBuiltinRules, OUTPUT_DIR, renderAuthoringTable, renderRuleDocs, ruleKinds, TABLE_BEGIN, TABLE_END, withAuthoringTable } from '../../scripts/gen-rule-docs';

const REGENERATE = 'run `npx tsx scripts/gen-rule-docs.ts`';

test('docs/rules on disk equals the generated pages, with no extra page', () => {
  const expected = expectedRuleDocs(REPO_ROOT);
  for (const [path, text] of expected) {
    const abs = resolve(REPO_ROOT, path);
    assert.ok(existsSync(abs), `missing ${path}; ${REGENERATE}`);
    assert.equal(readFileSync(abs, 'utf8'), text, `stale ${path}; ${REGENERATE}`);
  }
  const extra = existingRuleDocs(REPO_ROOT).filter((p) => !expected.has(p));
  assert.deepEqual(extra, [], `extra pages in ${OUTPUT_DIR}; ${REGENERATE}`);
});

test('every rule file of the pack is loaded and has a page listed in the index', () => {
  const { rules, files } = loadBuiltinRules(REPO_ROOT);
  // Counted from the files, not the loader, so a rule dropped for bad METADATA fails here.
  const ruleFiles = files.filter((f) => f.path.startsWith('aws/') && !f.path.endsWith('_test.rego')).map((f) => f.path).sort();
  assert.ok(ruleFiles.length > 0, 'no rule files found under policies/aws');
  assert.deepEqual(rules.map((r) => r.file).filter((f) => f.startsWith('aws/')).sort(), ruleFiles);

  const pages = expectedRuleDocs(REPO_ROOT);
  const index = pages.get(`${OUTPUT_DIR}/README.md`) ?? '';
  for (const rule of rules) {
    const page = pages.get(`${OUTPUT_DIR}/${rule.id}.md`);
    assert.ok(page, `no page for ${rule.id}`);
    assert.ok(page.startsWith(`# ${rule.id}: ${rule.title}\n`), `${rule.id}: page title`);
    assert.ok(page.includes(`policies/${rule.file}`), `${rule.id}: source path`);
    assert.ok(index.includes(`| [${rule.id}](${rule.id}.md) |`), `${rule.id} missing from the index`);
  }
  assert.equal(pages.size, rules.length + 1);
});

function rule(id: string, file: string, extra: Partial<RuleMetadata> = {}): RuleMetadata {
  return {
    id,
    packagePath: file.replace(/\.rego$/, '').split('/').join('.'),
    file,
    title: `Title of ${id}`,
    description: 'Why it matters.',
    severity: 'high',
    formats: ['terraform'],
    resourceTypes: ['aws_thing'],
    frameworks: {},
    references: {},
    cwe: [],
    fixable: false,
    allowUnknown: false,
    docsUrl: `https://palisade.dev/rules/${id}`,
    links: [],
    ...extra,
  };
}

test('renderRuleDocs: fixtures with carets, frameworks, references, index sorted by id', () => {
  const fixtures: Record<string, string> = {
    'policies/aws/svc/fixtures/open_thing/invalid.tf': 'resource "aws_thing" "x" {\r\n  open = true\r\n  #      ^^^^ PAL-AWS-SVC-002\r\n}\r\n\r\n',
    'policies/aws/svc/fixtures/open_thing/valid.tf': '# palisade: no findings\n```\n',
  };
  const rules = [
    rule('PAL-AWS-SVC-002', 'aws/svc/open_thing.rego', {
      fixable: true,
      frameworks: { 'pci-dss-4.0': ['1.3.1'], 'cis-aws-2.0': ['5.2', '5.3'] },
      references: { kics: ['k-1'], checkov: ['CKV_AWS_1', 'CKV_AWS_2'] },
      remediation: 'Close it.',
    }),
    rule('PAL-AWS-SVC-001', 'aws/svc/no_fixtures.rego', { title: 'A | B' }),
  ];
  const read = (p: string) => fixtures[p];
  const pages = renderRuleDocs(rules, read);
  assert.deepEqual([...pages.keys()], ['docs/rules/PAL-AWS-SVC-001.md', 'docs/rules/PAL-AWS-SVC-002.md', 'docs/rules/README.md']);
  assert.deepEqual(renderRuleDocs([...rules].reverse(), read), pages, 'output does not depend on input order');

  const page = pages.get('docs/rules/PAL-AWS-SVC-002.md')!;
  assert.ok(page.includes('### Noncompliant'));
  assert.ok(page.includes('```hcl\nresource "aws_thing" "x" {\n  open = true\n  #      ^^^^ PAL-AWS-SVC-002\n}\n```'), 'invalid fixture, CRLF normalised, caret kept');
  // The valid fixture holds a triple backtick, so its fence must be longer.
  assert.ok(page.includes('### Compliant') && page.includes('````hcl\n# palisade: no findings\n```\n````'));
  assert.ok(page.indexOf('| cis-aws-2.0 | 5.2, 5.3 |') < page.indexOf('| pci-dss-4.0 | 1.3.1 |'), 'frameworks sorted');
  assert.ok(page.indexOf('| Checkov | `CKV_AWS_1`, `CKV_AWS_2` |') < page.indexOf('| KICS | `k-1` |'), 'checkov before kics');
  assert.ok(page.includes('| **Fixable** | yes'));
  assert.ok(page.includes('Close it.'));

  const bare = pages.get('docs/rules/PAL-AWS-SVC-001.md')!;
  assert.ok(bare.includes('_Fixture `policies/aws/svc/fixtures/no_fixtures/invalid.tf` is missing._'));
  assert.ok(bare.includes('Not mapped to a framework control.') && bare.includes('None known.'));

  const index = pages.get('docs/rules/README.md')!;
  const rows = index.split('\n').filter((l) => l.startsWith('| [PAL-'));
  assert.deepEqual(rows, [
    '| [PAL-AWS-SVC-001](PAL-AWS-SVC-001.md) | A \\| B | high | svc | no |',
    '| [PAL-AWS-SVC-002](PAL-AWS-SVC-002.md) | Title of PAL-AWS-SVC-002 | high | svc | yes |',
  ]);
});

test('the rules table of docs/rules-authoring.md is the generated one, a row per rule', () => {
  const expected = expectedAuthoringDoc(REPO_ROOT);
  assert.ok(expected !== undefined, `${AUTHORING_DOC} lost its rules table markers`);
  assert.equal(readFileSync(resolve(REPO_ROOT, AUTHORING_DOC), 'utf8'), expected, `stale rules table in ${AUTHORING_DOC}; ${REGENERATE}`);
  const { rules } = loadBuiltinRules(REPO_ROOT);
  const rows = expected.split('\n').filter((l) => l.startsWith('| PAL-'));
  assert.equal(rows.length, rules.length);
  const fixable = rules.filter((r) => r.fixable).length;
  assert.equal(rows.filter((l) => l.endsWith(' | yes |')).length, fixable);
});

test('renderAuthoringTable: sorted by id, kind from the source, fix from METADATA; markers required', () => {
  const rules = [
    rule('PAL-AWS-SVC-002', 'aws/svc/b_thing.rego', { fixable: true, severity: 'low', title: 'Pipe | in title' }),
    rule('PAL-AWS-SVC-001', 'aws/svc/a_thing.rego'),
  ];
  const sources: Record<string, string> = {
    'aws/svc/a_thing.rego': 'package x\ndeny contains msg if { true }\nwarn contains msg if { true }\n',
    'aws/svc/b_thing.rego': 'package y\n# deny is only a word here\nwarn contains r if { true }\n',
  };
  const table = renderAuthoringTable(rules, (r) => sources[r.file]);
  assert.equal(table, [
    '| id | severity | kind | rule | title | fix |',
    '| --- | --- | --- | --- | --- | --- |',
    '| PAL-AWS-SVC-001 | high | deny, warn | `svc/a_thing` | Title of PAL-AWS-SVC-001 |  |',
    '| PAL-AWS-SVC-002 | low | warn | `svc/b_thing` | Pipe \\| in title | yes |',
  ].join('\n'));
  assert.equal(ruleKinds(''), 'deny');
  const doc = `# Guide\n\n${TABLE_BEGIN}\nold rows\n${TABLE_END}\nafter\n`;
  assert.equal(withAuthoringTable(doc, 'T'), `# Guide\n\n${TABLE_BEGIN}\nT\n${TABLE_END}\nafter\n`);
  assert.equal(withAuthoringTable('# Guide without markers\n', 'T'), undefined);
});
