// The METADATA YAML fast path (decodeSimpleYaml) must give exactly what the `yaml` package gives, or
// decline. Checked on hand-written edge cases and on every METADATA block of policies/ and opa-cases.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { lineIndex, parseModule } from '../../../server/src/rego';
import { decodeSimpleYaml, metadataBlocks } from '../../../server/src/rego/syntax/annotations';
import { caseModules } from '../../../scripts/conformance-parse/corpora-clean';
import { corpus, REPO_ROOT } from '../../helpers/corpora';
import { regoFilesUnder } from '../../helpers/seeded';

const YAML_OPTIONS = { prettyErrors: false, uniqueKeys: false, strict: false } as const;

/** What the full parser makes of `text`: its value, or 'error'. */
function reference(text: string): unknown {
  try {
    return parseYaml(text, YAML_OPTIONS);
  } catch {
    return 'error';
  }
}

/** Asserts the fast path either declines or agrees with the full parser; true when it decoded. */
function agrees(text: string): boolean {
  const fast = decodeSimpleYaml(text);
  if (fast === undefined) return false;
  assert.deepEqual(fast, reference(text), `fast path differs on:\n${text}`);
  return true;
}

test('decodes the common METADATA shapes like the yaml package', () => {
  const accepted = [
    'title: A title\ndescription: plain text, with commas [and] brackets (ok)\n',
    'description: |\n  line one\n    indented\n\n  line three\n\nscope: rule\n',
    'description: |-\n  kept\n  as is\n',
    'custom:\n  id: PAL-1\n  severity: high\n  formats: [terraform, "k8s", \'x y\']\n  frameworks: {}\n  fixable: true\n  n: 42\n  z: null\n  t: ~\n',
    'related_resources:\n  - ref: https://example.com/a#frag\n    description: d\n  - https://example.com/b\nauthors:\n- name: A\n  email: a@b.c\n',
    'entrypoint: TRUE\nschemas:\n  - input: schema.input\n',
    'a: 1\na: 2\n',
    'list: []\nempty:\nafter: x\n',
    'l:\n  - k: |\n      deep\n    j: 0\n',
    'remediation: a long\n  plain text, "folded"\n  with spaces\nnext: 4e1cc5d3-2811-4fb2\n',
    'q: "say \\"hi\\" \\\\ done"\n',
    'remediation: >-\n  Set it, or remove it:\n  true is the default.\nfixable: true\n',
    'custom:\n  remediation: >\n    folded, kept\n    newline\n  fixable: false\n',
  ];
  for (const text of accepted) assert.equal(agrees(text), true, `expected the fast path to decode:\n${text}`);
});

test('declines what it does not handle, so the full parser decides', () => {
  const declined = [
    'a: b\n  continued\n\n  after a blank\n',
    'a: b\n  - item?\n',
    'a: 1.5\n',
    'a: 007\n',
    'a: -3\n',
    'a: "esc\\n"\n',
    "a: 'it''s'\n",
    'a: &x 1\nb: *x\n',
    'a: !!str 1\n',
    'a: >\n  folded\n    more indented\n',
    'a: >-\n  folded\n\n  after a blank\n',
    'a: |+\n  keep\n\n',
    'a: b # comment\n',
    '# comment\na: b\n',
    'a:\tb\n',
    'a: b: c\n',
    'a: [x, [y]]\n',
    'a: [x,\n  y]\n',
    'a: {b: c}\n',
    '  a: b\n',
    '- a\n',
    'a: 1\n- b\n',
    'l:\n  - k: |\n    not deeper than the key\n',
    'a:\n  b: 1\n c: 2\n',
    'true: x\n',
    '__proto__: x\n',
    'a: |\n\n  leading blank\n',
    'a: |\n  trailing blanks  \n',
    '"quoted key": 1\n',
    'a: `tick`\n',
    '',
  ];
  for (const text of declined) assert.equal(decodeSimpleYaml(text), undefined, `expected the fast path to decline:\n${text}`);
});

/** The YAML text of every METADATA block in `text`, as decodeBlock builds it. */
function metadataTexts(text: string): string[] {
  const parsed = parseModule(text, {});
  const index = lineIndex(text);
  return metadataBlocks(parsed.comments ?? [], text, (o) => index.position(o).row).map((b) =>
    b.lines.map((c) => (c.text.startsWith(' ') ? c.text.slice(1) : c.text) + '\n').join(''),
  );
}

test('agrees with the yaml package on every METADATA block of policies/', () => {
  const texts = regoFilesUnder(join(REPO_ROOT, 'policies')).flatMap((f) => metadataTexts(readFileSync(f, 'utf8')));
  assert.ok(texts.length > 200, `expected METADATA blocks in policies/, found ${texts.length}`);
  const decoded = texts.filter(agrees).length;
  // The point of the fast path: nearly all of our own blocks must take it.
  assert.ok(decoded / texts.length > 0.9, `fast path decoded only ${decoded} of ${texts.length} blocks`);
});

test('agrees with the yaml package on every METADATA block of opa-cases', (t) => {
  const dir = corpus('opa-cases');
  if (!dir) return t.skip('PALISADE_SKIP_CORPORA=1');
  const texts = caseModules(dir, new Set(), new Set()).flatMap((m) => metadataTexts(m.text));
  assert.ok(texts.length > 5, `expected METADATA blocks in opa-cases, found ${texts.length}`);
  texts.forEach(agrees);
});
